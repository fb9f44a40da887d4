import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testInfra, testKafka, uniqueGroupId, type TestTopic } from './testing/index.js';

const exec = promisify(execFile);

/** kcat's JSON envelope for one consumed message (-J). */
interface KcatMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

// The broker must be the real Apache Kafka, readable and writable by clients that are not kafkajs.
describe('the local Kafka broker with a third-party client (kcat / librdkafka)', () => {
  let topic: TestTopic;
  const brokers = () => testInfra().kafkaBrokers.join(',');

  beforeAll(async () => {
    topic = await createTestTopic('interop', 3);
  });
  afterAll(async () => {
    await topic.delete();
  });

  it('lets kcat read what kafkajs produced: keys, values and headers', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    const sent = ['a', 'b', 'c'].map((key, i) => ({
      key: `order-${key}`,
      value: JSON.stringify({ n: i }),
      headers: { 'event-type': 'test.interop.sent', traceparent: `00-${'1'.repeat(31)}${i}-${'2'.repeat(16)}-01` },
    }));
    await producer.send({ topic: topic.name, acks: -1, messages: sent });
    await producer.disconnect();

    const { stdout } = await exec('kcat', [
      '-C',
      '-b',
      brokers(),
      '-t',
      topic.name,
      '-o',
      'beginning',
      '-c',
      '3',
      '-e',
      '-J',
      '-q',
    ]);
    const received = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as KcatMessage);
    expect(
      received
        .map((m) => ({ key: m.key, value: m.payload, headers: m.headers }))
        .sort((x, y) => x.key!.localeCompare(y.key!)),
    ).toEqual(
      sent.map((m) => ({
        key: m.key,
        value: m.value,
        headers: ['event-type', m.headers['event-type'], 'traceparent', m.headers.traceparent],
      })),
    );
  });

  it('lets kafkajs read what kcat produced: key, value and headers', async () => {
    const own = await createTestTopic('interop_in', 1);
    try {
      await exec('sh', [
        '-c',
        `printf '%s' '{"from":"kcat"}' | kcat -P -b ${brokers()} -t ${own.name} -k user-42 -H event-type=test.interop.kcat -H x-correlation-id=abc-123`,
      ]);
      const consumer = testKafka().consumer({ groupId: uniqueGroupId('interop') });
      await consumer.connect();
      await consumer.subscribe({ topic: own.name, fromBeginning: true });
      const message = await new Promise<{ key: string; value: string; headers: Record<string, string> }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message: m }) =>
            resolve({
              key: m.key!.toString(),
              value: m.value!.toString(),
              headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])),
            }),
        });
      });
      await consumer.disconnect();
      expect(message).toEqual({
        key: 'user-42',
        value: '{"from":"kcat"}',
        headers: { 'event-type': 'test.interop.kcat', 'x-correlation-id': 'abc-123' },
      });
    } finally {
      await own.delete();
    }
  });

  it('is a single-node KRaft cluster with automatic topic creation off', async () => {
    const { stdout } = await exec('kcat', ['-L', '-J', '-b', brokers()]);
    const metadata = JSON.parse(stdout) as { brokers: Array<{ id: number }>; controllerid: number };
    expect(metadata.brokers).toHaveLength(1);
    expect(metadata.controllerid).toBe(metadata.brokers[0]!.id);

    // One attempt, no retries: the broker must refuse the unknown topic rather than create it.
    const producer = new Kafka({
      brokers: testInfra().kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).producer({
      allowAutoTopicCreation: true,
    });
    await producer.connect();
    const missing = `never.created.${Date.now()}`;
    await expect(producer.send({ topic: missing, messages: [{ value: 'x' }] })).rejects.toThrow();
    await producer.disconnect();
    const admin = testKafka().admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain(missing);
    await admin.disconnect();
  });
});
