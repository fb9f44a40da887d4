import { startPrivateKafka, type PrivateKafka } from '@platform/infra/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaClient, Outbox, OutboxRelay } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';
import { readMessages } from './support/kafka.js';
import { sequencesOf, writeNotesInRounds } from './support/per-key-order.js';

// A fault test: one relay's sends always fail (its broker lacks the topic), so it keeps claiming
// keys, failing and releasing them while a healthy relay publishes the same outbox.
describe('a relay whose sends fail, beside a healthy one', () => {
  const contracts = testContracts();
  let bed: MessagingTestBed;
  let otherBroker: PrivateKafka;

  beforeAll(async () => {
    [bed, otherBroker] = await Promise.all([createMessagingTestBed(), startPrivateKafka()]);
    await bed.createTopic(contracts.topic, 3);
  });
  afterAll(async () => {
    await bed?.close();
    await otherBroker?.destroy();
  });

  it('never lets a key’s later event overtake an earlier one', async () => {
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const failing = new OutboxRelay({
      kafka: createKafkaClient({
        brokers: otherBroker.brokers,
        clientId: 'failing-relay',
        extra: { retry: { retries: 1, initialRetryTime: 10, maxRetryTime: 50 } },
      }),
      dataSource: bed.dataSource,
      batchSize: 5,
      pollIntervalMs: 10,
      backoff: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const healthy = new OutboxRelay({ kafka: bed.kafka, dataSource: bed.dataSource, batchSize: 5, pollIntervalMs: 10 });
    const keys = Array.from({ length: 6 }, () => uuidv7());
    const perKey = 20;
    await Promise.all([failing.start(), healthy.start()]);
    try {
      await writeNotesInRounds(outbox, contracts, keys, perKey);
      const messages = await readMessages(bed.kafka, contracts.topic, keys.length * perKey, 90_000);
      for (const key of keys) {
        expect(sequencesOf(messages, key)).toEqual(Array.from({ length: perKey }, (_, index) => index));
      }
      // The failing relay did compete: it claimed rows, failed, and recorded the attempts on them.
      const [{ failed }] = await bed.dataSource.query(
        `SELECT count(*)::int AS failed FROM messaging_outbox WHERE attempts > 1`,
      );
      expect(failed).toBeGreaterThan(0);
    } finally {
      await Promise.all([failing.stop(), healthy.stop()]);
    }
  });
});
