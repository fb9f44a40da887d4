import { startPrivateKafka, uniqueGroupId, type PrivateKafka, eventually } from '@platform/infra/testing';
import { EventConsumer, Outbox, OutboxRelay } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedNotes, createNotesTable, noteHandler } from './support/notes.js';

// A fault test: it runs a broker of its own, so stopping it disturbs no other test file.
describe('relay across a broker outage', () => {
  const contracts = testContracts();
  let kafka: PrivateKafka;
  let bed: MessagingTestBed;

  beforeAll(async () => {
    kafka = await startPrivateKafka();
    bed = await createMessagingTestBed({ brokers: kafka.brokers });
    await createNotesTable(bed.dataSource);
    await bed.createTopic(contracts.topic, 1);
  });

  afterAll(async () => {
    await bed?.close();
    await kafka?.destroy();
  });

  it('publishes an event committed while the broker was down once the broker is back', async () => {
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const relay = new OutboxRelay({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      pollIntervalMs: 50,
      backoff: { baseDelayMs: 50, maxDelayMs: 500 },
    });
    const consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId: uniqueGroupId('outage'),
      contracts: contracts.registry,
      handlers: [noteHandler(contracts.noteAdded.type)],
    });
    await relay.start();
    try {
      await kafka.stop();
      const aggregateId = uuidv7();
      await outbox.transaction((tx) =>
        tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'written during the outage', sequence: 0 } }),
      );
      // The relay keeps trying without crashing, and says why on the row and in its status.
      await eventually(
        'a failed publish attempt recorded',
        async () => {
          const [row] = await bed.dataSource.query(`SELECT attempts, last_error, published_at FROM messaging_outbox`);
          return row.attempts > 0 && row.last_error !== null && row.published_at === null;
        },
        120_000,
      );
      expect(relay.status().running).toBe(true);
      expect(relay.status().consecutiveFailures).toBeGreaterThan(0);

      await kafka.start();
      await eventually(
        'the row published',
        async () => {
          const [row] = await bed.dataSource.query(`SELECT published_at FROM messaging_outbox`);
          return row.published_at !== null;
        },
        120_000,
      );
      await consumer.start();
      await eventually('the event handled', async () => (await appliedNotes(bed.dataSource)).length === 1, 60_000);
      expect((await appliedNotes(bed.dataSource))[0]?.key).toBe(aggregateId);
      expect(relay.status().consecutiveFailures).toBe(0);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
    // The waits above allow a loaded machine minutes (a broker restart, the producer's own
    // retries); the test's limit must not be shorter than they are.
  }, 360_000);
});
