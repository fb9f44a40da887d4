/**
 * Baseline: how fast plain kafkajs moves events through the local broker, end to end.
 * Produces N events (BENCH_EVENTS, default 20000) in batches of BENCH_BATCH (default 100) with
 * acks=all to a fresh 3-partition topic while one consumer reads them, then prints throughput
 * and producer-to-consumer latency. Later benchmarks (the outbox relay) compare against it.
 *
 *   npm run bench:kafka            last line: `kafka events/s: N, p99 ms: N`
 */
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { acquireInfra } from '@platform/infra';
import { uniqueName } from '@platform/infra/testing';
import { percentile, round } from './stats.js';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const total = positiveInt('BENCH_EVENTS', 20_000);
const batchSize = positiveInt('BENCH_BATCH', 100);
const partitions = 3;

const lease = await acquireInfra('bench:kafka', { log: (line) => console.error(line) });
const kafka = new Kafka({ clientId: 'bench-kafka', brokers: lease.endpoints.kafkaBrokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const topic = uniqueName('bench_kafka').replace(/_/g, '.');
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const consumer = kafka.consumer({ groupId: uniqueName('bench'), maxWaitTimeInMs: 10 });

try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });

  const latencies: number[] = [];
  let lastReceivedAt = 0;
  const allReceived = new Promise<void>((resolve) => {
    void consumer.run({
      partitionsConsumedConcurrently: partitions,
      eachBatch: async ({ batch }) => {
        const now = performance.timeOrigin + performance.now();
        for (const message of batch.messages) latencies.push(now - Number(String(message.headers?.['sent-at'])));
        lastReceivedAt = now;
        if (latencies.length >= total) resolve();
      },
    });
  });
  // Wait until the consumer owns its partitions, so the figures measure flow, not a group join.
  await new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));

  const payload = JSON.stringify({ type: 'bench.event.created', data: 'x'.repeat(200) });
  const startedAt = performance.timeOrigin + performance.now();
  for (let sent = 0; sent < total; sent += batchSize) {
    const sentAt = String(performance.timeOrigin + performance.now());
    const count = Math.min(batchSize, total - sent);
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: count }, (_, i) => ({
        key: `key-${(sent + i) % 1000}`,
        value: payload,
        headers: { 'sent-at': sentAt },
      })),
    });
  }
  await allReceived;

  const seconds = (lastReceivedAt - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const eventsPerSecond = Math.round(total / seconds);
  const p99 = round(percentile(latencies, 99));
  console.log(
    `events: ${total}, batch: ${batchSize}, partitions: ${partitions}, acks: all, payload bytes: ${payload.length}`,
  );
  console.log(`elapsed s: ${round(seconds)}`);
  console.log(
    `latency ms: p50 ${round(percentile(latencies, 50))}, p95 ${round(percentile(latencies, 95))}, p99 ${p99}, max ${round(percentile(latencies, 100))}`,
  );
  console.log(`kafka events/s: ${eventsPerSecond}, p99 ms: ${p99}`);
} finally {
  await consumer.disconnect().catch(() => undefined);
  await producer.disconnect().catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect().catch(() => undefined);
  await lease.release();
}
