import { startPrivateKafka, uniqueName, type PrivateKafka } from '@platform/infra/testing';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTopics } from '../src/kafka/ensure-topics.js';

// A broker of its own: a KRaft broker first answers UNKNOWN_TOPIC_OR_PARTITION for a topic it has
// just created, and kafkajs' waitForLeaders gives up on that (it retries LEADER_NOT_AVAILABLE only):
// the chaos run saw the auth-service crash on its first start against a new broker.
describe('ensureTopics', () => {
  let broker: PrivateKafka;
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startPrivateKafka();
    kafka = new Kafka({ clientId: uniqueName('ensure-topics'), brokers: broker.brokers, logLevel: logLevel.NOTHING });
  }, 120_000);

  afterAll(async () => {
    await broker?.destroy();
  });

  it('creates topics one after another on a new broker and returns once they have leaders', async () => {
    for (let round = 0; round < 5; round++) {
      const topics = [uniqueName('ensure-a'), uniqueName('ensure-b')];
      expect(await ensureTopics(kafka, topics)).toEqual(topics);
      const admin = kafka.admin();
      await admin.connect();
      try {
        const metadata = await admin.fetchTopicMetadata({ topics });
        expect(metadata.topics.map((topic) => topic.partitions.length)).toEqual([3, 3]);
      } finally {
        await admin.disconnect();
      }
    }
  }, 120_000);
});
