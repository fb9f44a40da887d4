import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { uniqueName } from '@platform/infra/testing';
import { Cleanup } from './cleanup.js';
import { percentile, round } from './stats.js';

/** What the plain kafkajs run moves, and through which broker. */
export interface KafkaBaselineOptions {
  brokers: readonly string[];
  /** Events produced and consumed. */
  events: number;
  /** Messages per `producer.send`. */
  batchSize: number;
  /** Partitions of the fresh topic; 3 by default. */
  partitions?: number;
}

/** The figures of one run; latencies in ms, from the producer's send to the consumer's batch. */
export interface KafkaBaselineFigures {
  events: number;
  batchSize: number;
  partitions: number;
  payloadBytes: number;
  seconds: number;
  eventsPerSecond: number;
  latency: { p50: number; p95: number; p99: number; max: number };
}

/**
 * Produces `events` messages (acks=all, idempotent, batches of `batchSize`) to a fresh topic while
 * one consumer reads them, and measures throughput from the first send to the last message read.
 * The topic is deleted and the clients disconnected afterwards, also when the run fails; given the
 * caller's `cleanup`, also when the caller unwinds it first (Ctrl-C).
 */
export function runKafkaBaseline(
  options: KafkaBaselineOptions,
  cleanup = new Cleanup(),
): Promise<KafkaBaselineFigures> {
  return cleanup.scope(() => run(options, cleanup));
}

async function run(options: KafkaBaselineOptions, cleanup: Cleanup): Promise<KafkaBaselineFigures> {
  const { events: total, batchSize } = options;
  const partitions = options.partitions ?? 3;
  const kafka = new Kafka({ clientId: 'bench-kafka', brokers: [...options.brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const topic = uniqueName('bench_kafka').replace(/_/g, '.');
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: uniqueName('bench'), maxWaitTimeInMs: 10 });

  cleanup.defer('disconnect the Kafka admin', () => admin.disconnect());
  await admin.connect();
  const created = admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  // Deleted once created, also when the run is interrupted while the broker is still creating it.
  cleanup.defer('delete the raw topic', () => created.then(() => admin.deleteTopics({ topics: [topic] })));
  await created;
  cleanup.defer('disconnect the raw producer', () => producer.disconnect());
  cleanup.defer('disconnect the raw consumer', () => consumer.disconnect());
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });

  const latencies: number[] = [];
  let lastReceivedAt = 0;
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
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
  await joined;

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
  return {
    events: total,
    batchSize,
    partitions,
    payloadBytes: payload.length,
    seconds,
    eventsPerSecond: Math.round(total / seconds),
    latency: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(percentile(latencies, 100)),
    },
  };
}

/** The lines `bench:kafka` prints before its last line. */
export function kafkaBaselineLines(figures: KafkaBaselineFigures): string[] {
  const { latency } = figures;
  return [
    `events: ${figures.events}, batch: ${figures.batchSize}, partitions: ${figures.partitions}, acks: all, payload bytes: ${figures.payloadBytes}`,
    `elapsed s: ${round(figures.seconds)}`,
    `latency ms: p50 ${latency.p50}, p95 ${latency.p95}, p99 ${latency.p99}, max ${latency.max}`,
  ];
}
