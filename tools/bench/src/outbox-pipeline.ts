import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { EVENT_CONTENT_TYPE, KafkaHeader } from '@platform/contracts';
import { testInfra, uniqueName } from '@platform/infra/testing';
import { createEvent, Outbox, OutboxRelay, type OutboxWakeup } from '@platform/messaging';
import {
  createMessagingTestBed,
  testContracts,
  type MessagingTestBed,
  type TestContracts,
} from '@platform/messaging/testing';
import type { Producer } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Cleanup } from './cleanup.js';
import { CommitStamps } from './commit-stamps.js';
import type { ConsumerReply, ConsumerSettings } from './outbox-consumer.child.js';

const CONSUMER_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'outbox-consumer.child.ts');

/** Settings of one outbox → relay → Kafka → inbox pipeline. */
export interface PipelineOptions {
  /** Connections of the writers' pool (writers, plus the relay). */
  writerConnections: number;
  partitions: number;
  wakeup: OutboxWakeup;
  /** Relay settings; the library's defaults when undefined. */
  relayBatchSize?: number;
  relayPollIntervalMs?: number;
  /** Start relay and consumer (phases 2); the wake-up phase only writes. */
  flow: boolean;
  /**
   * How events leave the writer (default `outbox`). `dual-write`, the peer: the transaction
   * inserts the events' rows into `bench_source` instead of the outbox, and after its COMMIT the
   * writer sends them itself with a plain kafkajs producer, one `send` per transaction (an event
   * is lost if the process dies between the two). No relay runs.
   */
  mode?: 'outbox' | 'dual-write';
  /** A batch handler (`batch: true`: the consumer hands it runs of events in one transaction) instead of one event per transaction. */
  batchHandler?: boolean;
}

/** A publishing "service" (outbox and relay on one pool, in this process) and a consuming one (inbox, handler, in a child process) on a fresh database and topic. */
export interface Pipeline {
  bed: MessagingTestBed;
  contracts: TestContracts;
  outbox: Outbox;
  /** Commit times of the writers' transactions, by event id. */
  committed: CommitStamps;
  /** Writes `count` events in one transaction and stamps its commit; resolves with their ids. */
  write(count: number): Promise<string[]>;
  /** Resolves once the handler has written `total` rows; fails when nothing moves for `stallMs`. */
  waitHandled(total: number, stallMs?: number): Promise<void>;
  /** When the consumer handled each event, from the consumer's process. */
  handled(): Promise<HandledStamps>;
  /** When the relay claimed each published row (the start of its publishing transaction, by the database clock), by event id. */
  claimed(): Promise<Map<string, number>>;
  /** Rows the handler wrote. */
  effects(): Promise<number>;
  /** Outbox rows not yet published. */
  pending(): Promise<number>;
  /** Average length of the stored envelopes (the Kafka message value). */
  envelopeBytes(): Promise<number>;
}

const KEYS = Array.from({ length: 1000 }, () => uuidv7());
const TEXT = 'x'.repeat(100);

/**
 * Starts a pipeline on a fresh database (the messaging tables plus `bench_effect`, the handler's
 * table) and a fresh topic; everything it starts is registered with `cleanup`.
 */
export async function startPipeline(options: PipelineOptions, cleanup: Cleanup): Promise<Pipeline> {
  // Undo steps wait for what is still being created, so an interruption (Ctrl-C) in the middle leaks nothing.
  const creating = createMessagingTestBed();
  cleanup.defer('drop the database and topics', () => creating.then((bed) => bed.close()));
  const bed = await creating;
  await bed.dataSource.query(`CREATE TABLE bench_effect (
    event_id uuid PRIMARY KEY, sequence int NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  // The dual-write writer's rows: as many per transaction as the outbox writer's, in one INSERT too.
  await bed.dataSource.query(`CREATE TABLE bench_source (
    event_id uuid PRIMARY KEY, aggregate_id uuid NOT NULL, sequence int NOT NULL, payload jsonb NOT NULL)`);
  const dualWrite = options.mode === 'dual-write';
  const contracts = testContracts();
  if (options.flow) {
    const topic = bed.createTopic(contracts.topic, options.partitions);
    cleanup.defer('wait for the topic, so the test bed deletes it', () => topic);
    await topic;
  }

  const writers = new DataSource({
    type: 'postgres',
    url: bed.database.url,
    extra: { max: options.writerConnections },
  });
  await writers.initialize();
  cleanup.defer('close the writers’ pool', () => writers.destroy());
  const outbox = new Outbox(writers, { source: 'bench-outbox', contracts: contracts.registry, wakeup: options.wakeup });
  const committed = new CommitStamps(writers);

  let consumer: ConsumerProcess | undefined;
  let producer: Producer | undefined;
  if (options.flow && dualWrite) {
    const connecting = bed.kafka.producer();
    await connecting.connect();
    producer = connecting;
    cleanup.defer('disconnect the dual-write producer', () => connecting.disconnect());
  }
  if (options.flow && !dualWrite) {
    const relay = new OutboxRelay({
      kafka: bed.kafka,
      dataSource: writers,
      wakeup: options.wakeup,
      batchSize: options.relayBatchSize,
      pollIntervalMs: options.relayPollIntervalMs,
    });
    await relay.start();
    cleanup.defer('stop the relay', () => relay.stop());
  }
  if (options.flow) {
    const starting = startConsumerProcess({
      databaseUrl: bed.database.url,
      brokers: testInfra().kafkaBrokers,
      contractsDomain: contracts.domain,
      groupId: uniqueName('bench_outbox'),
      partitions: options.partitions,
      batchHandler: options.batchHandler ?? false,
    });
    cleanup.defer('stop the consumer process', () => starting.then((started) => started.stop()));
    consumer = await starting;
  }
  const effects = () => count(bed, `SELECT count(*)::int AS n FROM bench_effect`);

  let sequence = 0;
  const nextEvent = () => {
    const n = sequence++;
    return { aggregateId: KEYS[n % KEYS.length] ?? uuidv7(), payload: { text: TEXT, sequence: n } };
  };
  /** The peer's write: the rows committed, then the events sent by the writer itself. */
  const dualWriteTransaction = async (count: number): Promise<string[]> => {
    const events = Array.from({ length: count }, () => createEvent(contracts.noteAdded, 'bench-outbox', nextEvent()));
    const ids = events.map((event) => event.eventId);
    await writers.transaction(async (manager: EntityManager) => {
      await manager.query(
        `INSERT INTO bench_source (event_id, aggregate_id, sequence, payload)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::jsonb[])`,
        [
          ids,
          events.map((event) => event.aggregateId),
          events.map((event) => event.payload.sequence),
          events.map((event) => JSON.stringify(event.payload)),
        ],
      );
      CommitStamps.mark(manager, ids);
    });
    await producer?.send({
      topic: contracts.topic,
      messages: events.map((event) => ({
        key: event.aggregateId,
        value: JSON.stringify(event),
        headers: {
          [KafkaHeader.contentType]: EVENT_CONTENT_TYPE,
          [KafkaHeader.eventType]: event.type,
          [KafkaHeader.eventVersion]: String(event.version),
          [KafkaHeader.correlationId]: event.correlationId,
        },
      })),
    });
    return ids;
  };
  return {
    bed,
    contracts,
    outbox,
    committed,
    write: (count) =>
      dualWrite
        ? dualWriteTransaction(count)
        : outbox.transaction(async (tx) => {
            const ids: string[] = [];
            for (let i = 0; i < count; i += 1) {
              const event = await tx.publish(contracts.noteAdded, nextEvent());
              ids.push(event.eventId);
            }
            CommitStamps.mark(tx.manager, ids);
            return ids;
          }),
    async waitHandled(total, stallMs = 30_000) {
      let done = await effects();
      let movedAt = Date.now();
      while (done < total) {
        // Coarse on purpose: the figures come from the commit stamps, and this loop shares the machine with the pipeline.
        await sleep(100);
        const before = done;
        done = await effects();
        if (done > before) movedAt = Date.now();
        else if (Date.now() - movedAt > stallMs) {
          throw new Error(`${total - done} of ${total} events not handled after ${stallMs} ms without progress`);
        }
      }
    },
    handled: () => {
      if (!consumer) throw new Error('this pipeline has no consumer');
      return consumer.stamps();
    },
    async claimed() {
      const rows = (await bed.dataSource.query(
        `SELECT event_id, extract(epoch FROM published_at) * 1000 AS at FROM messaging_outbox WHERE published_at IS NOT NULL`,
      )) as { event_id: string; at: string }[];
      return new Map(rows.map((row) => [row.event_id, Number(row.at)]));
    },
    effects,
    pending: () => count(bed, `SELECT count(*)::int AS n FROM messaging_outbox WHERE published_at IS NULL`),
    envelopeBytes: () => count(bed, `SELECT round(avg(octet_length(payload)))::int AS n FROM messaging_outbox`),
  };
}

async function count(bed: MessagingTestBed, sql: string): Promise<number> {
  const [row] = (await bed.dataSource.query(sql)) as { n: number }[];
  return row?.n ?? 0;
}

/** Wall-clock times by event id: the inbox transaction's commit (handler effect included), and the handler's first call. */
export interface HandledStamps {
  committed: Map<string, number>;
  handlerStarted: Map<string, number>;
}

interface ConsumerProcess {
  stamps(): Promise<HandledStamps>;
  stop(): Promise<void>;
}

/** Forks `outbox-consumer.child.ts` and resolves once it owns every partition. */
async function startConsumerProcess(settings: ConsumerSettings): Promise<ConsumerProcess> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', CONSUMER_MAIN], {
    env: { PATH: process.env['PATH'], NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (type: ConsumerReply['type']) => nextReply(child, type);
  child.send(settings);
  try {
    await next('ready');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    async stamps() {
      const reply = next('stamps');
      child.send({ type: 'collect' });
      const { handled, handlerStarted } = (await reply) as Extract<ConsumerReply, { type: 'stamps' }>;
      return { committed: new Map(handled), handlerStarted: new Map(handlerStarted) };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

function nextReply(child: ChildProcess, type: ConsumerReply['type']): Promise<ConsumerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ConsumerReply) => {
      if (message.type === 'failed') settle(() => reject(new Error(`consumer process: ${message.message}`)));
      else if (message.type === type) settle(() => resolve(message));
    };
    const onExit = (code: number | null) =>
      settle(() => reject(new Error(`consumer process exited with ${code} before answering ${type}`)));
    const settle = (done: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      done();
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
