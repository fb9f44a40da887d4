/**
 * The consuming "service" of bench:outbox, in a process of its own as in production: an
 * `EventConsumer` whose handler writes one `bench_effect` row per event in the inbox transaction.
 * Driven over IPC by `outbox-pipeline.ts`: it gets a `ConsumerSettings`, answers `ready` once it
 * owns every partition, sends its commit stamps on `collect`, and stops on `stop`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { configureLogging } from '@platform/logging';
import { createKafkaClient, EventConsumer, type EventHandler } from '@platform/messaging';
import { testContracts, type TestNoteAddedV1 } from '@platform/messaging/testing';
import { DataSource } from 'typeorm';
import { CommitStamps, wallClockMs } from './commit-stamps.js';

/** What the parent tells the child. */
export interface ConsumerSettings {
  databaseUrl: string;
  brokers: string[];
  /** The test contracts' domain (`testContracts(domain)`), so both processes share the topic. */
  contractsDomain: string;
  groupId: string;
  partitions: number;
  batchHandler: boolean;
}

/** What the child answers. */
export type ConsumerReply =
  | { type: 'ready' }
  | { type: 'stamps'; handled: [string, number][]; handlerStarted: [string, number][] }
  | { type: 'failed'; message: string };

function reply(message: ConsumerReply): void {
  process.send?.(message);
}

/** The running consumer, as the parent's messages reach it. */
interface RunningConsumer {
  stamps(): Extract<ConsumerReply, { type: 'stamps' }>;
  stop(): Promise<void>;
}

async function start(settings: ConsumerSettings): Promise<RunningConsumer> {
  const dataSource = new DataSource({ type: 'postgres', url: settings.databaseUrl });
  await dataSource.initialize();
  const handled = new CommitStamps(dataSource);
  // When the handler was first called with each event: the rest, to the inbox commit, is the consumer's own time.
  const handlerStarted = new Map<string, number>();
  const contracts = testContracts(settings.contractsDomain);
  const handler: EventHandler = {
    eventType: contracts.noteAdded.type,
    batch: settings.batchHandler,
    // One statement for the whole run of events, whether it holds one event or hundreds.
    async handle(events, manager) {
      const now = wallClockMs();
      for (const event of events)
        if (!handlerStarted.has(event.envelope.eventId)) handlerStarted.set(event.envelope.eventId, now);
      await manager.query(`INSERT INTO bench_effect (event_id, sequence) SELECT * FROM unnest($1::uuid[], $2::int[])`, [
        events.map((event) => event.envelope.eventId),
        events.map((event) => (event.envelope.payload as unknown as TestNoteAddedV1).sequence),
      ]);
      CommitStamps.mark(
        manager,
        events.map((event) => event.envelope.eventId),
      );
    },
  };
  const consumer = new EventConsumer({
    kafka: createKafkaClient({ brokers: settings.brokers, clientId: settings.groupId }),
    dataSource,
    groupId: settings.groupId,
    contracts: contracts.registry,
    handlers: [handler],
    partitionsConsumedConcurrently: settings.partitions,
    createTopics: false,
  });
  await consumer.start();
  // Measure flow, not a group join: ready once the consumer owns every partition.
  const deadline = Date.now() + 60_000;
  const assigned = () => Object.values(consumer.status().assigned).flat().length;
  while (consumer.status().state !== 'running' || assigned() < settings.partitions) {
    if (Date.now() > deadline) throw new Error(`consumer did not join its group: ${JSON.stringify(consumer.status())}`);
    await sleep(20);
  }
  return {
    stamps: () => ({ type: 'stamps', handled: [...handled.at], handlerStarted: [...handlerStarted] }),
    async stop() {
      await consumer.stop();
      await dataSource.destroy();
    },
  };
}

configureLogging({ service: 'bench-outbox-consumer', level: 'warn', stream: process.stderr });
process.once('message', (settings: ConsumerSettings) => {
  start(settings).then(
    (running) => {
      process.on('message', (message: { type: string }) => {
        if (message.type === 'collect') reply(running.stamps());
        if (message.type === 'stop') void running.stop().finally(() => process.exit(0));
      });
      reply({ type: 'ready' });
    },
    (error: unknown) => {
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    },
  );
});
// The parent gone (a crash, Ctrl-C) means stop too: nothing of the benchmark outlives it.
process.on('disconnect', () => process.exit(0));
