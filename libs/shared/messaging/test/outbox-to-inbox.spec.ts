import { EventConsumer, Outbox, OutboxRelay } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueGroupId, eventually } from '@platform/infra/testing';
import { appliedNotes, createNotesTable, noteHandler } from './support/notes.js';

describe('outbox → Kafka → inbox', () => {
  const contracts = testContracts();
  let bed: MessagingTestBed;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let outbox: Outbox;

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
    await bed.createTopic(contracts.topic, 2);
    outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    relay = new OutboxRelay({ kafka: bed.kafka, dataSource: bed.dataSource });
    consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId: uniqueGroupId('notes'),
      contracts: contracts.registry,
      handlers: [noteHandler(contracts.noteAdded.type)],
    });
    await relay.start();
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await bed?.close();
  });

  it('publishes events of committed transactions and applies each once', async () => {
    const aggregateId = uuidv7();
    await outbox.transaction(async (tx) => {
      await tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'first', sequence: 0 } });
      await tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'second', sequence: 1 } });
    });
    await eventually('both notes applied', async () => (await appliedNotes(bed.dataSource)).length >= 2);
    const notes = await appliedNotes(bed.dataSource);
    expect(notes.map((note) => note.text)).toEqual(['first', 'second']);
    expect(notes.every((note) => note.key === aggregateId)).toBe(true);
  });

  it('never publishes the events of a transaction that rolled back', async () => {
    const before = (await appliedNotes(bed.dataSource)).length;
    await expect(
      outbox.transaction(async (tx) => {
        await tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'rolled back', sequence: 0 } });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const committedId = uuidv7();
    await outbox.transaction((tx) =>
      tx.publish(contracts.noteAdded, { aggregateId: committedId, payload: { text: 'committed', sequence: 0 } }),
    );
    await eventually('the committed note applied', async () =>
      (await appliedNotes(bed.dataSource)).some((note) => note.key === committedId),
    );
    const texts = (await appliedNotes(bed.dataSource)).slice(before).map((note) => note.text);
    expect(texts).toEqual(['committed']);
    const [{ count }] = await bed.dataSource.query(`SELECT count(*)::int AS count FROM messaging_outbox`);
    expect(count).toBe(before + 1);
  });
});
