/**
 * What the transactional outbox costs against plain kafkajs, in one run, three phases, each on a
 * fresh database and fresh topics (`--phases` picks some):
 *
 * 1. raw: `runKafkaBaseline` (the run of `bench:kafka`), N events.
 * 2. outbox: after `--warmup` events, N events written by `--writers` concurrent writers in
 *    committed transactions of `--per-tx` events (`Outbox.transaction` + `tx.publish`), published
 *    by an `OutboxRelay` in this process, consumed by an `EventConsumer` in a child process (as a
 *    consuming service would) whose handler inserts rows in the inbox transaction. Throughput runs
 *    from the first writer commit to the last inbox commit. Then a paced run: `--rate` events/s,
 *    one event per transaction, for `--seconds`, open loop; latency from each writer's COMMIT to
 *    the COMMIT of the inbox transaction that applied the event (both taken in TypeORM's
 *    after-commit hook, by the wall clock, each in its own process), also split by stage.
 *    Both runs are made twice: through the outbox, and by the dual-write peer (the writer commits
 *    its rows, then sends the events with kafkajs itself, one send per transaction; no relay),
 *    with the same writers, events, consumer process and handler.
 * 3. wake-up cost: `--wakeup-writers` writers committing one-event transactions as fast as they
 *    can for `--wakeup-seconds` (after 1 s of warm-up) with `wakeup: 'signal'` and with 'notify',
 *    `--wakeup-rounds` times in alternating order, each on a fresh database; no relay runs, so the
 *    figures are the writers' alone.
 *
 *   npm run bench:outbox [-- --events 20000 --rate 1000 ...]
 *   last line: `outbox/dual-write throughput: N, p99 ms at 1000/s: outbox N, dual-write N` */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { acquireInfra } from '@platform/infra';
import { configureLogging } from '@platform/logging';
import type { OutboxWakeup } from '@platform/messaging';
import { kafkaBaselineLines, runKafkaBaseline } from './kafka-baseline.js';
import { Cleanup } from './cleanup.js';
import { startPipeline, type HandledStamps, type Pipeline, type PipelineOptions } from './outbox-pipeline.js';
import { percentile, round } from './stats.js';

const FLAGS = {
  events: { default: 20_000, help: 'events of the raw and the outbox throughput runs' },
  'kafka-batch': { default: 100, help: 'messages per producer.send in the raw run' },
  writers: { default: 8, help: 'concurrent writers of the outbox throughput run' },
  'per-tx': { default: 10, help: 'events per transaction in the outbox throughput run' },
  warmup: { default: 2_000, help: 'events through the whole pipeline before each measured run (JIT, pools, caches)' },
  rate: { default: 1_000, help: 'events/s of the paced run (one event per transaction)' },
  seconds: { default: 10, help: 'duration of the paced run' },
  partitions: { default: 3, help: 'partitions of every topic' },
  'relay-batch': { default: 0, help: "relay batch size (0: the library's default)" },
  'poll-ms': { default: 0, help: "relay poll interval (0: the library's default)" },
  'wakeup-writers': { default: 32, help: 'concurrent writers of the wake-up phase' },
  'wakeup-seconds': { default: 5, help: 'measured seconds per wake-up mechanism and round' },
  'wakeup-rounds': { default: 2, help: 'rounds of the wake-up phase, alternating which mechanism goes first' },
} as const;
type Flag = keyof typeof FLAGS;

const PHASES = ['raw', 'throughput', 'paced', 'wakeup'] as const;
type Phase = (typeof PHASES)[number];

interface Settings extends Record<Flag, number> {
  batchHandler: boolean;
  phases: Set<Phase>;
}

function readFlags(): Settings {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean' },
      'batch-handler': { type: 'boolean' },
      phases: { type: 'string' },
      ...Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: 'string' as const }])),
    },
  });
  if (values.help) {
    console.log('npm run bench:outbox -- [flags]');
    for (const [name, flag] of Object.entries(FLAGS))
      console.log(`  --${name.padEnd(16)} ${flag.help} (default ${flag.default})`);
    console.log(
      `  --${'batch-handler'.padEnd(16)} a batch handler (batch: true): runs of events in one inbox transaction`,
    );
    console.log(`  --${'phases'.padEnd(16)} the phases to run, comma-separated (default ${PHASES.join(',')})`);
    process.exit(0);
  }
  const phases = (values.phases ?? PHASES.join(',')).split(',').map((phase) => phase.trim());
  const unknown = phases.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length > 0) throw new Error(`--phases: unknown ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
  const read = { batchHandler: values['batch-handler'] === true, phases: new Set(phases as Phase[]) } as Settings;
  for (const [name, flag] of Object.entries(FLAGS) as [Flag, (typeof FLAGS)[Flag]][]) {
    const raw = (values as Record<string, string | boolean | undefined>)[name];
    const value = typeof raw === 'string' ? Number(raw) : flag.default;
    const min = flag.default === 0 ? 0 : 1;
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
    read[name] = value;
  }
  return read;
}

const flags = readFlags();
const optional = (value: number) => (value === 0 ? undefined : value);
const flowSettings = {
  flow: true,
  wakeup: 'signal',
  relayBatchSize: optional(flags['relay-batch']),
  relayPollIntervalMs: optional(flags['poll-ms']),
  batchHandler: flags.batchHandler,
} as const;

// The library logs JSON lines at info; only its warnings and errors matter here, and they go to stderr.
configureLogging({ service: 'bench-outbox', level: 'warn', stream: process.stderr });

type Mode = NonNullable<PipelineOptions['mode']>;
const MODES: readonly Mode[] = ['outbox', 'dual-write'];

function handlerKind(): string {
  return flags.batchHandler ? 'batch handler' : 'handler per event';
}

function latencyLine(values: number[]): string {
  values.sort((a, b) => a - b);
  const at = (p: number) => round(percentile(values, p));
  return `p50 ${at(50)}, p95 ${at(95)}, p99 ${at(99)}, max ${at(100)}`;
}

function commitToHandled(pipeline: Pipeline, handled: HandledStamps, ids: readonly string[]): number[] {
  return ids.map((id) => (handled.committed.get(id) ?? NaN) - (pipeline.committed.at.get(id) ?? NaN));
}

/**
 * Where the time from commit to handled goes, p50/p99 per stage: waiting in the outbox (writer's
 * commit to the relay's claim, by the database clock), relay, Kafka and the consumer's fetch
 * (claim to the handler's call), and the consumer's transaction (handler's call to inbox commit).
 */
async function stagesLine(pipeline: Pipeline, handled: HandledStamps, ids: readonly string[]): Promise<string> {
  const claimed = await pipeline.claimed();
  const stage = (from: (id: string) => number | undefined, to: (id: string) => number | undefined) => {
    const values = ids.map((id) => (to(id) ?? NaN) - (from(id) ?? NaN)).sort((a, b) => a - b);
    return `p50 ${round(percentile(values, 50))} / p99 ${round(percentile(values, 99))}`;
  };
  const committedAt = (id: string) => pipeline.committed.at.get(id);
  const claimedAt = (id: string) => claimed.get(id);
  const startedAt = (id: string) => handled.handlerStarted.get(id);
  const handledAt = (id: string) => handled.committed.get(id);
  return `by stage, ms: in the outbox ${stage(committedAt, claimedAt)}; relay, Kafka, fetch ${stage(claimedAt, startedAt)}; consumer transaction ${stage(startedAt, handledAt)}`;
}

function span(
  pipeline: Pipeline,
  handled: HandledStamps,
  ids: readonly string[],
): { firstCommit: number; lastCommit: number; lastHandled: number } {
  let firstCommit = Infinity;
  let lastCommit = 0;
  let lastHandled = 0;
  for (const id of ids) {
    const committed = pipeline.committed.at.get(id) ?? NaN;
    firstCommit = Math.min(firstCommit, committed);
    lastCommit = Math.max(lastCommit, committed);
    lastHandled = Math.max(lastHandled, handled.committed.get(id) ?? NaN);
  }
  return { firstCommit, lastCommit, lastHandled };
}

async function checkEffects(pipeline: Pipeline, expected: number): Promise<void> {
  const rows = await pipeline.effects();
  if (rows !== expected) throw new Error(`the handler wrote ${rows} rows for ${expected} events`);
}

/** Where the events committed so far are, right after the last commit: still in the outbox, in Kafka, or handled. */
async function backlogLine(pipeline: Pipeline, committed: number): Promise<string> {
  const handled = (await pipeline.effects()) - flags.warmup;
  const inOutbox = await pipeline.pending();
  return `at the last commit: ${inOutbox} in the outbox, ${committed - inOutbox - handled} published but not handled, ${handled} handled`;
}

async function warmUp(pipeline: Pipeline): Promise<void> {
  // As the throughput run does, in transactions by concurrent writers, so the same code gets hot.
  await writeConcurrently(pipeline, flags.warmup);
  await pipeline.waitHandled(flags.warmup);
}

/** `total` events written by `--writers` concurrent writers in transactions of `--per-tx`; resolves with their ids. */
async function writeConcurrently(pipeline: Pipeline, total: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < total) {
      const count = Math.min(flags['per-tx'], total - next);
      next += count;
      ids.push(...(await pipeline.write(count)));
    }
  };
  await Promise.all(Array.from({ length: flags.writers }, writer));
  return ids;
}

/**
 * After the last commit of a measured run: where the events were then, a wait until all are
 * handled (exactly once each), and the consumer's stamps and the run's span.
 */
async function drain(pipeline: Pipeline, ids: readonly string[], elu: EventLoopUtilization) {
  const backlog = await backlogLine(pipeline, ids.length);
  await pipeline.waitHandled(ids.length + flags.warmup);
  const busy = performance.eventLoopUtilization(elu).utilization;
  await checkEffects(pipeline, ids.length + flags.warmup);
  const handled = await pipeline.handled();
  return { backlog, busy, handled, ...span(pipeline, handled, ids) };
}

/** Phase 2a: N events as fast as the writers commit them. */
async function outboxThroughput(mode: Mode, cleanup: Cleanup): Promise<{ eventsPerSecond: number }> {
  const { events: total, writers, 'per-tx': perTx, partitions } = flags;
  const pipeline = await startPipeline({ writerConnections: writers + 2, partitions, ...flowSettings, mode }, cleanup);
  await warmUp(pipeline);

  const elu = performance.eventLoopUtilization();
  const ids = await writeConcurrently(pipeline, total);
  const { backlog, busy, handled, firstCommit, lastCommit, lastHandled } = await drain(pipeline, ids, elu);
  const eventsPerSecond = Math.round(total / ((lastHandled - firstCommit) / 1000));
  console.log(
    mode === 'outbox'
      ? `events: ${total}, writers: ${writers}, events per transaction: ${perTx}, partitions: ${partitions}, wakeup: signal, ${handlerKind()}, envelope bytes: ${await pipeline.envelopeBytes()}`
      : `events: ${total}, writers: ${writers}, events per transaction: ${perTx}, partitions: ${partitions}, dual write (one send after each commit), ${handlerKind()}`,
  );
  console.log(
    `committed events/s: ${Math.round(total / ((lastCommit - firstCommit) / 1000))}, last handled ${round(lastHandled - lastCommit)} ms after last commit`,
  );
  console.log(backlog);
  console.log(`commit-to-handled ms under full load: ${latencyLine(commitToHandled(pipeline, handled, ids))}`);
  if (mode === 'outbox') console.log(await stagesLine(pipeline, handled, ids));
  console.log(`event loop of the publishing process (writers, relay) busy: ${Math.round(busy * 100)}%`);
  console.log(`${mode} events/s (first commit to last handled): ${eventsPerSecond}`);
  return { eventsPerSecond };
}

/** Phase 2b: `--rate` one-event transactions per second, open loop, for `--seconds`. */
async function outboxPaced(mode: Mode, cleanup: Cleanup): Promise<{ p99: number }> {
  const { rate, seconds, writers, partitions } = flags;
  const total = rate * seconds;
  const pipeline = await startPipeline({ writerConnections: writers + 2, partitions, ...flowSettings, mode }, cleanup);
  await warmUp(pipeline);

  // Open loop: each event is due at start + i / rate, whether or not earlier ones are done.
  const elu = performance.eventLoopUtilization();
  const writes: Promise<string[]>[] = [];
  const start = performance.now();
  while (writes.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (writes.length < due) {
      const write = pipeline.write(1);
      write.catch(() => undefined); // a failure surfaces in Promise.all below, not as an unhandled rejection
      writes.push(write);
    }
    await sleep(1);
  }
  const ids = (await Promise.all(writes)).flat();
  const { backlog, busy, handled, firstCommit, lastCommit, lastHandled } = await drain(pipeline, ids, elu);
  const latencies = commitToHandled(pipeline, handled, ids);
  const line = latencyLine(latencies);
  const p99 = round(percentile(latencies, 99));
  console.log(
    `events: ${total}, target ${rate} events/s for ${seconds} s, one event per transaction, ${mode === 'outbox' ? 'wakeup: signal' : 'dual write'}, ${handlerKind()}`,
  );
  console.log(
    `committed events/s: ${Math.round(total / ((lastCommit - firstCommit) / 1000))}, handled events/s: ${Math.round(total / ((lastHandled - firstCommit) / 1000))}`,
  );
  console.log(backlog);
  console.log(`event loop of the publishing process busy: ${Math.round(busy * 100)}%`);
  if (mode === 'outbox') console.log(await stagesLine(pipeline, handled, ids));
  console.log(`${mode} commit-to-handled ms at ${rate}/s: ${line}`);
  return { p99 };
}

/** Phase 3, one measurement: commits/s of `--wakeup-writers` writers of one-event transactions, on a fresh database. */
async function commitRate(wakeup: OutboxWakeup, cleanup: Cleanup): Promise<{ commits: number; durations: number[] }> {
  const writers = flags['wakeup-writers'];
  const measureMs = flags['wakeup-seconds'] * 1000;
  const pipeline = await startPipeline(
    { writerConnections: writers, partitions: flags.partitions, wakeup, flow: false },
    cleanup,
  );
  const from = performance.now() + 1_000; // the first second warms the pool and the JIT up
  const until = from + measureMs;
  const durations: number[] = [];
  const writer = async (): Promise<void> => {
    while (performance.now() < until) {
      const began = performance.now();
      await pipeline.write(1);
      const ended = performance.now();
      if (ended >= from && ended < until) durations.push(ended - began);
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  console.log(`${wakeup}: commits/s ${Math.round(durations.length / (measureMs / 1000))}`);
  return { commits: durations.length, durations };
}

/** Phase 3: both mechanisms, `--wakeup-rounds` times, in alternating order (signal first, then notify first, ...). */
async function wakeupCost(cleanup: Cleanup): Promise<number> {
  const totals: Record<OutboxWakeup, { commits: number; durations: number[] }> = {
    signal: { commits: 0, durations: [] },
    notify: { commits: 0, durations: [] },
  };
  for (let round = 0; round < flags['wakeup-rounds']; round += 1) {
    const order: OutboxWakeup[] = round % 2 === 0 ? ['signal', 'notify'] : ['notify', 'signal'];
    for (const wakeup of order) {
      const { commits, durations } = await cleanup.scope(() => commitRate(wakeup, cleanup));
      totals[wakeup].commits += commits;
      totals[wakeup].durations.push(...durations);
    }
  }
  const seconds = flags['wakeup-rounds'] * flags['wakeup-seconds'];
  for (const wakeup of ['signal', 'notify'] as const) {
    const { commits, durations } = totals[wakeup];
    console.log(
      `${wakeup} overall: commits/s ${Math.round(commits / seconds)}, transaction ms ${latencyLine(durations)}`,
    );
  }
  return totals.notify.commits / totals.signal.commits;
}

const cleanup = new Cleanup();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`${signal}: stopping what the benchmark started`);
    void cleanup.unwind().finally(() => process.exit(130));
  });
}

const lease = await acquireInfra('bench:outbox', { log: (line) => console.error(line) });
cleanup.defer('release the infrastructure', () => lease.release());
// The messaging test bed finds PostgreSQL and Kafka here, as it does under Vitest's global setup.
process.env['DATABASE_URL'] = lease.endpoints.databaseUrl;
process.env['KAFKA_BROKERS'] = lease.endpoints.kafkaBrokers.join(',');

const runs = (phase: Phase) => flags.phases.has(phase);
try {
  let raw: number | undefined;
  if (runs('raw')) {
    console.log('== 1. raw kafkajs (the run of bench:kafka)');
    const baseline = await runKafkaBaseline(
      {
        brokers: lease.endpoints.kafkaBrokers,
        events: flags.events,
        batchSize: flags['kafka-batch'],
        partitions: flags.partitions,
      },
      cleanup,
    );
    for (const line of kafkaBaselineLines(baseline)) console.log(line);
    console.log(`kafka events/s: ${baseline.eventsPerSecond}, p99 ms: ${baseline.latency.p99}`);
    raw = baseline.eventsPerSecond;
  }
  const throughput = new Map<Mode, number>();
  if (runs('throughput')) {
    for (const mode of MODES) {
      console.log(
        `== 2a. ${mode === 'outbox' ? 'outbox → relay' : 'dual write: commit, then send'} → Kafka → inbox, throughput`,
      );
      throughput.set(mode, (await cleanup.scope(() => outboxThroughput(mode, cleanup))).eventsPerSecond);
    }
  }
  const p99 = new Map<Mode, number>();
  if (runs('paced')) {
    for (const mode of MODES) {
      console.log(
        `== 2b. ${mode === 'outbox' ? 'outbox → relay' : 'dual write: commit, then send'} → Kafka → inbox, paced`,
      );
      p99.set(mode, (await cleanup.scope(() => outboxPaced(mode, cleanup))).p99);
    }
  }
  if (runs('wakeup')) {
    console.log(
      `== 3. wake-up cost to writers (${flags['wakeup-writers']} writers, one event per transaction, no relay)`,
    );
    const ratio = await wakeupCost(cleanup);
    console.log(`notify/signal commit throughput: ${ratio.toFixed(2)}`);
  }

  const outbox = throughput.get('outbox');
  const dual = throughput.get('dual-write');
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? (a / b).toFixed(2) : 'n/a';
  console.log(
    `raw kafkajs events/s: ${raw ?? 'n/a'}, outbox: ${outbox ?? 'n/a'}, dual-write: ${dual ?? 'n/a'}; outbox/raw throughput: ${ratio(outbox, raw)}`,
  );
  console.log(
    `outbox/dual-write throughput: ${ratio(outbox, dual)}, p99 ms at ${flags.rate}/s: outbox ${p99.get('outbox') ?? 'n/a'}, dual-write ${p99.get('dual-write') ?? 'n/a'}`,
  );
} catch (error) {
  if (!interrupted) throw error;
} finally {
  await cleanup.unwind();
}
