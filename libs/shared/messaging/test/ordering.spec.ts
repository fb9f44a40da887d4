import { uniqueGroupId, eventually } from '@platform/infra/testing';
import { EventConsumer, Outbox, OutboxRelay, type EventHandler } from '../src/index.js';
import {
  createMessagingTestBed,
  testContracts,
  type MessagingTestBed,
  type TestNoteAddedV1,
} from '../src/testing/index.js';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceEnvelopes, readMessages } from './support/kafka.js';
import { sequencesOf, writeNotesInRounds } from './support/per-key-order.js';
import { applyNote, appliedNotes, createNotesTable, noteHandler } from './support/notes.js';

describe('order per key', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('holds back only the failing key: other keys of the partition flow, and the key keeps its order', async () => {
    const contracts = testContracts();
    await bed.createTopic(contracts.topic, 1);
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const stuck = uuidv7();
    const flowing = uuidv7();
    let stuckHeadFails = true;
    const consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId: uniqueGroupId('isolation'),
      contracts: contracts.registry,
      retry: { maxAttempts: 1000, baseDelayMs: 10, maxDelayMs: 20 },
      parkedPollIntervalMs: 10,
      handlers: [
        noteHandler(contracts.noteAdded.type, (event) => {
          const payload = event.envelope.payload as unknown as TestNoteAddedV1;
          if (event.key === stuck && payload.sequence === 0 && stuckHeadFails) throw new Error('not yet');
        }),
      ],
    });
    await consumer.start();
    try {
      const note = (key: string, sequence: number) =>
        outbox.event(contracts.noteAdded, { aggregateId: key, payload: { text: `${key}#${sequence}`, sequence } });
      // Interleaved on one partition: stuck#0, flowing#0, stuck#1, flowing#1, stuck#2, flowing#2.
      await produceEnvelopes(
        bed.kafka,
        contracts.topic,
        [0, 1, 2].flatMap((sequence) => [note(stuck, sequence), note(flowing, sequence)]),
      );
      await eventually(
        'the flowing key handled',
        async () => (await appliedNotes(bed.dataSource)).filter((row) => row.key === flowing).length === 3,
      );
      // While its head keeps failing, none of the stuck key's events has been applied.
      expect((await appliedNotes(bed.dataSource)).filter((row) => row.key === stuck)).toHaveLength(0);
      const [{ parked }] = await bed.dataSource.query(
        `SELECT count(*)::int AS parked FROM messaging_parked_event WHERE key = $1`,
        [stuck],
      );
      expect(parked).toBe(3);

      stuckHeadFails = false;
      await eventually(
        'the stuck key released',
        async () => (await appliedNotes(bed.dataSource)).filter((row) => row.key === stuck).length === 3,
      );
      const stuckRows = (await appliedNotes(bed.dataSource)).filter((row) => row.key === stuck);
      expect(stuckRows.map((row) => row.sequence)).toEqual([0, 1, 2]);
      expect(stuckRows[0]!.attempt).toBeGreaterThan(1);
      expect(
        (await appliedNotes(bed.dataSource)).filter((row) => row.key === flowing).map((row) => row.sequence),
      ).toEqual([0, 1, 2]);
    } finally {
      await consumer.stop();
    }
  });

  it('two relays on one outbox publish every row once, in order per key', async () => {
    const contracts = testContracts();
    await bed.createTopic(contracts.topic, 3);
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const keys = Array.from({ length: 8 }, () => uuidv7());
    const perKey = 25;
    const relays = [1, 2].map(
      () => new OutboxRelay({ kafka: bed.kafka, dataSource: bed.dataSource, batchSize: 7, pollIntervalMs: 20 }),
    );
    await Promise.all(relays.map((relay) => relay.start()));
    try {
      // Written while both relays run, in many small transactions, so they compete for rows.
      await writeNotesInRounds(outbox, contracts, keys, perKey);
      const messages = await readMessages(bed.kafka, contracts.topic, keys.length * perKey, 60_000);
      // Nothing more than expected arrives (no row published twice).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const ids = messages.map((message) => JSON.parse(String(message.value)).eventId as string);
      expect(new Set(ids).size).toBe(keys.length * perKey);
      expect(messages).toHaveLength(keys.length * perKey);
      for (const key of keys) {
        expect(sequencesOf(messages, key)).toEqual(Array.from({ length: perKey }, (_, index) => index));
      }
      // Both relays took part: the test is about their competing for rows.
      const published = relays.map((relay) => relay.status().publishedEvents);
      expect(published.every((count) => count > 0)).toBe(true);
      expect(published[0]! + published[1]!).toBe(keys.length * perKey);
      const [{ pending }] = await bed.dataSource.query(
        `SELECT count(*)::int AS pending FROM messaging_outbox WHERE published_at IS NULL`,
      );
      expect(pending).toBe(0);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
  });

  it('gives a batch handler several events in one transaction, each recorded in the inbox', async () => {
    const contracts = testContracts();
    await bed.createTopic(contracts.topic, 1);
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const batchSizes: number[] = [];
    const handler: EventHandler = {
      eventType: contracts.noteAdded.type,
      batch: true,
      async handle(events, manager) {
        batchSizes.push(events.length);
        for (const event of events) await applyNote(manager, event);
      },
    };
    const group = uniqueGroupId('batch');
    const consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId: group,
      contracts: contracts.registry,
      maxBatchSize: 50,
      handlers: [handler],
    });
    const key = uuidv7();
    const events = Array.from({ length: 120 }, (_, sequence) =>
      outbox.event(contracts.noteAdded, { aggregateId: key, payload: { text: 'batched', sequence } }),
    );
    // Produced before the consumer starts, so its first fetch holds many messages.
    await produceEnvelopes(bed.kafka, contracts.topic, events);
    await consumer.start();
    try {
      await eventually(
        'all batched notes applied',
        async () => (await appliedNotes(bed.dataSource)).filter((row) => row.key === key).length === 120,
      );
      expect(Math.max(...batchSizes)).toBeGreaterThan(1);
      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(50);
      expect((await appliedNotes(bed.dataSource)).filter((row) => row.key === key).map((row) => row.sequence)).toEqual(
        events.map((_, index) => index),
      );
      const [{ inbox }] = await bed.dataSource.query(
        `SELECT count(*)::int AS inbox FROM messaging_inbox WHERE consumer_group = $1`,
        [group],
      );
      expect(inbox).toBe(120);
    } finally {
      await consumer.stop();
    }
  });
});
