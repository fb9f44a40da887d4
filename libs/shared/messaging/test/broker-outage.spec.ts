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
    try {
      await bed?.close();
    } finally {
      await kafka?.destroy();
    }
  });

  it('publishes what was committed during either kind of outage once the broker is back', async () => {
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
    const write = async (text: string): Promise<string> => {
      const aggregateId = uuidv7();
      await outbox.transaction((tx) =>
        tx.publish(contracts.noteAdded, { aggregateId, payload: { text, sequence: 0 } }),
      );
      return aggregateId;
    };
    const row = async (
      aggregateId: string,
    ): Promise<{ attempts: number; last_error: string | null; published: boolean }> => {
      const [found] = await bed.dataSource.query(
        `SELECT attempts, last_error, published_at IS NOT NULL AS published FROM messaging_outbox WHERE key = $1`,
        [aggregateId],
      );
      return found;
    };

    try {
      // 1. The service starts while Kafka is down: the relay cannot connect, so it claims no row
      //    and says why in its status (readiness reads it); it connects once the broker is back.
      await kafka.stop();
      await relay.start();
      const beforeConnect = await write('written before the relay ever connected');
      await eventually(
        'the relay reporting that it cannot connect',
        () => relay.status().consecutiveFailures > 0,
        120_000,
      );
      expect(relay.status().running).toBe(true);
      expect(relay.status().lastError).toMatch(/ECONNREFUSED|Connection/);
      expect((await row(beforeConnect)).published).toBe(false);
      await kafka.start();
      await eventually('the first row published', async () => (await row(beforeConnect)).published, 120_000);
      expect(relay.status().consecutiveFailures).toBe(0);

      // 2. Kafka goes away under a connected relay: the failed send is recorded on the row, which stays pending.
      await kafka.stop();
      const duringOutage = await write('written while the broker was down');
      await eventually(
        'a failed publish attempt recorded on the row',
        async () => {
          const { attempts, last_error, published } = await row(duringOutage);
          return attempts > 0 && last_error !== null && !published;
        },
        120_000,
      );
      expect(relay.status().running).toBe(true);
      expect(relay.status().consecutiveFailures).toBeGreaterThan(0);
      await kafka.start();
      await eventually('the second row published', async () => (await row(duringOutage)).published, 120_000);

      // Both events reach a consumer, each once.
      await consumer.start();
      await eventually('both events handled', async () => (await appliedNotes(bed.dataSource)).length === 2, 60_000);
      expect((await appliedNotes(bed.dataSource)).map((note) => note.key).sort()).toEqual(
        [beforeConnect, duringOutage].sort(),
      );
      expect(relay.status().consecutiveFailures).toBe(0);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
    // The waits above allow a loaded machine minutes (two broker restarts, the producer's own
    // retries); the test's limit must not be shorter than they are.
  }, 600_000);
});
