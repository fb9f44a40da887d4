import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueName } from '@platform/infra/testing';
import { EventConsumer, Outbox, OutboxRelay, type EventHandler, type OutboxWakeup } from '@platform/messaging';
import {
  createMessagingTestBed,
  testContracts,
  type MessagingTestBed,
  type TestContracts,
  type TestNoteAddedV1,
} from '@platform/messaging/testing';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Cleanup } from './cleanup.js';

const STAMPED = Symbol('bench.stampedEvents');

/**
 * The `performance.now()` at which the transactions carrying given event ids committed, taken in
 * TypeORM's after-commit hook (the moment COMMIT was acknowledged), on the writers' side and on
 * the consumer's side alike.
 */
export class CommitStamps implements EntitySubscriberInterface {
  readonly at = new Map<string, number>();

  constructor(dataSource: DataSource) {
    (dataSource.subscribers as EntitySubscriberInterface[]).push(this);
  }

  /** Marks the open transaction of `manager` as carrying `eventIds`: its commit stamps them. */
  static mark(manager: EntityManager, eventIds: readonly string[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('CommitStamps.mark needs an open transaction');
    const data = runner.data as Record<symbol, string[] | undefined>;
    (data[STAMPED] ??= []).push(...eventIds);
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<symbol, string[] | undefined>;
    const ids = data[STAMPED];
    if (!ids) return;
    delete data[STAMPED];
    const now = performance.now();
    for (const id of ids) this.at.set(id, now);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return;
    delete (event.queryRunner.data as Record<symbol, unknown>)[STAMPED];
  }
}

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
  /** A batch handler (`batch: true`: the consumer hands it runs of events in one transaction) instead of one event per transaction. */
  batchHandler?: boolean;
}

/** A publishing "service" (outbox and relay on one pool) and a consuming one (inbox, handler) on a fresh database and topic. */
export interface Pipeline {
  bed: MessagingTestBed;
  contracts: TestContracts;
  outbox: Outbox;
  /** Commit times of the writers' transactions, by event id. */
  committed: CommitStamps;
  /** Commit times of the consumer's inbox transactions (handler effect included), by event id. */
  handled: CommitStamps;
  /** Writes `count` events in one transaction and stamps its commit; resolves with their ids. */
  write(count: number): Promise<string[]>;
  /** Resolves once every id is handled; fails when nothing moves for `stallMs`. */
  waitHandled(ids: readonly string[], stallMs?: number): Promise<void>;
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

  const consumers = new DataSource({ type: 'postgres', url: bed.database.url });
  await consumers.initialize();
  cleanup.defer('close the consumer’s pool', () => consumers.destroy());
  const handled = new CommitStamps(consumers);

  if (options.flow) {
    const relay = new OutboxRelay({
      kafka: bed.kafka,
      dataSource: writers,
      wakeup: options.wakeup,
      batchSize: options.relayBatchSize,
      pollIntervalMs: options.relayPollIntervalMs,
    });
    await relay.start();
    cleanup.defer('stop the relay', () => relay.stop());

    const handler: EventHandler = {
      eventType: contracts.noteAdded.type,
      batch: options.batchHandler ?? false,
      async handle(events, manager) {
        for (const event of events) {
          const payload = event.envelope.payload as unknown as TestNoteAddedV1;
          await manager.query(`INSERT INTO bench_effect (event_id, sequence) VALUES ($1, $2)`, [
            event.envelope.eventId,
            payload.sequence,
          ]);
        }
        CommitStamps.mark(
          manager,
          events.map((event) => event.envelope.eventId),
        );
      },
    };
    const consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: consumers,
      groupId: uniqueName('bench_outbox'),
      contracts: contracts.registry,
      handlers: [handler],
      partitionsConsumedConcurrently: options.partitions,
      createTopics: false,
    });
    await consumer.start();
    cleanup.defer('stop the consumer', () => consumer.stop());
    // Measure flow, not a group join: wait until the consumer owns every partition.
    const deadline = Date.now() + 60_000;
    const assigned = () => Object.values(consumer.status().assigned).flat().length;
    while (consumer.status().state !== 'running' || assigned() < options.partitions) {
      if (Date.now() > deadline)
        throw new Error(`consumer did not join its group: ${JSON.stringify(consumer.status())}`);
      await sleep(20);
    }
  }

  let sequence = 0;
  return {
    bed,
    contracts,
    outbox,
    committed,
    handled,
    write: (count) =>
      outbox.transaction(async (tx) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i += 1) {
          const n = sequence++;
          const key = KEYS[n % KEYS.length] ?? uuidv7();
          const event = await tx.publish(contracts.noteAdded, {
            aggregateId: key,
            payload: { text: TEXT, sequence: n },
          });
          ids.push(event.eventId);
        }
        CommitStamps.mark(tx.manager, ids);
        return ids;
      }),
    async waitHandled(ids, stallMs = 30_000) {
      let missing = ids.filter((id) => !handled.at.has(id));
      let movedAt = Date.now();
      while (missing.length > 0) {
        // Coarse on purpose: the figures come from the commit stamps, and this loop shares the event loop with the consumer.
        await sleep(50);
        const before = missing.length;
        missing = missing.filter((id) => !handled.at.has(id));
        if (missing.length < before) movedAt = Date.now();
        else if (Date.now() - movedAt > stallMs) {
          throw new Error(`${missing.length} of ${ids.length} events not handled after ${stallMs} ms without progress`);
        }
      }
    },
    effects: () => count(bed, `SELECT count(*)::int AS n FROM bench_effect`),
    pending: () => count(bed, `SELECT count(*)::int AS n FROM messaging_outbox WHERE published_at IS NULL`),
    envelopeBytes: () => count(bed, `SELECT round(avg(octet_length(payload)))::int AS n FROM messaging_outbox`),
  };
}

async function count(bed: MessagingTestBed, sql: string): Promise<number> {
  const [row] = (await bed.dataSource.query(sql)) as { n: number }[];
  return row?.n ?? 0;
}
