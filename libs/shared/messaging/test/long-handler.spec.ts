import { uniqueGroupId, eventually } from '@platform/infra/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventConsumer, Outbox } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';
import { produceEnvelopes } from './support/kafka.js';
import { appliedNotes, createNotesTable, noteHandler } from './support/notes.js';

describe('a handler that runs longer than the session timeout', () => {
  const contracts = testContracts();
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
    await bed.createTopic(contracts.topic, 1);
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('keeps the group membership: no rebalance, the event handled once', async () => {
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId: uniqueGroupId('long'),
      contracts: contracts.registry,
      // The broker's minimum; the handler below takes 1.5 times as long.
      sessionTimeoutMs: 6_000,
      handlers: [noteHandler(contracts.noteAdded.type, () => new Promise((resolve) => setTimeout(resolve, 9_000)))],
    });
    await consumer.start();
    try {
      await eventually('the consumer joined', async () => consumer.status().state === 'running');
      const { memberId } = consumer.status();
      await produceEnvelopes(bed.kafka, contracts.topic, [
        outbox.event(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'long', sequence: 0 } }),
      ]);
      await eventually('the long handler done', async () => (await appliedNotes(bed.dataSource)).length === 1, 60_000);
      // Still the same membership: a lost session would have rebalanced and re-joined since.
      expect(consumer.status()).toMatchObject({ state: 'running', joins: 1, memberId });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await appliedNotes(bed.dataSource)).toHaveLength(1);
    } finally {
      await consumer.stop();
    }
  });
});
