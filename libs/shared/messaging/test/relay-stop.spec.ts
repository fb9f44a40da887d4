import type { Kafka, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { Outbox, OutboxRelay } from '../src/index.js';
import { testBedPerFile } from './support/test-bed.js';

// Tools and tests publish with a relay they never start; its stop() must still let go of Kafka.
describe('a relay that was never started', () => {
  const { contracts, bed } = testBedPerFile();

  it('disconnects the producer a direct publishPending() connected, on stop()', async () => {
    const producers: { producer: Producer; disconnected: boolean }[] = [];
    // The real client, with every producer it makes watched for its disconnect.
    const kafka = Object.assign(Object.create(bed().kafka) as Kafka, {
      producer: (...args: Parameters<Kafka['producer']>) => {
        const watched = { producer: bed().kafka.producer(...args), disconnected: false };
        watched.producer.on(watched.producer.events.DISCONNECT, () => (watched.disconnected = true));
        producers.push(watched);
        return watched.producer;
      },
    });
    const outbox = new Outbox(bed().dataSource, { source: 'test-service', contracts: contracts.registry });
    const relay = new OutboxRelay({ kafka, dataSource: bed().dataSource });
    await outbox.transaction((tx) =>
      tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'once', sequence: 0 } }),
    );

    expect(await relay.publishPending()).toBe(1);
    expect(producers).toHaveLength(1);
    expect(producers[0]!.disconnected).toBe(false);

    await relay.stop();
    expect(producers[0]!.disconnected).toBe(true);
  });
});
