/**
 * Baseline: how fast plain kafkajs moves events through the local broker, end to end.
 * Produces N events (BENCH_EVENTS, default 20000) in batches of BENCH_BATCH (default 100) with
 * acks=all to a fresh 3-partition topic while one consumer reads them, then prints throughput
 * and producer-to-consumer latency. Later benchmarks (the outbox relay) compare against it; the
 * run itself is `runKafkaBaseline` (kafka-baseline.ts), which `bench:outbox` repeats in its own run.
 *
 *   npm run bench:kafka            last line: `kafka events/s: N, p99 ms: N`
 */
import { acquireInfra } from '@platform/infra';
import { kafkaBaselineLines, runKafkaBaseline } from './kafka-baseline.js';
import { positiveInt } from './bench-env.js';

const total = positiveInt('BENCH_EVENTS', 20_000);
const batchSize = positiveInt('BENCH_BATCH', 100);

const lease = await acquireInfra('bench:kafka', { log: (line) => console.error(line) });
try {
  const figures = await runKafkaBaseline({ brokers: lease.endpoints.kafkaBrokers, events: total, batchSize });
  for (const line of kafkaBaselineLines(figures)) console.log(line);
  console.log(`kafka events/s: ${figures.eventsPerSecond}, p99 ms: ${figures.latency.p99}`);
} finally {
  await lease.release();
}
