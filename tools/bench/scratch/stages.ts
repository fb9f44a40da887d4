// Scratch: each stage of the outbox path alone. STAGE_BATCH=1 for a batch handler, SYNC=off for synchronous_commit=off on the consumer.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireInfra } from '@platform/infra';
import { uniqueName } from '@platform/infra/testing';
import { configureLogging } from '@platform/logging';
import { EventConsumer, Outbox, OutboxRelay, type EventHandler } from '@platform/messaging';
import { createMessagingTestBed, testContracts, type TestNoteAddedV1 } from '@platform/messaging/testing';
import { DataSource } from 'typeorm';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';

configureLogging({ service: 'scratch', level: 'warn', stream: process.stderr });
const N = Number(process.env['N'] ?? 20000);
const PARTS = Number(process.env['PARTS'] ?? 3);
const CONC = Number(process.env['CONC'] ?? PARTS);
const batch = process.env['STAGE_BATCH'] === '1';
const relayBatch = process.env['RELAY_BATCH'] ? Number(process.env['RELAY_BATCH']) : undefined;
const lease = await acquireInfra('scratch', { log: (l) => console.error(l) });
process.env['DATABASE_URL'] = lease.endpoints.databaseUrl;
process.env['KAFKA_BROKERS'] = lease.endpoints.kafkaBrokers.join(',');
const bed = await createMessagingTestBed();
const keys = Array.from({ length: 1000 }, () => uuidv7());
try {
  await bed.dataSource.query(`CREATE TABLE bench_effect (event_id uuid PRIMARY KEY, sequence int NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  const c = testContracts();
  await bed.createTopic(c.topic, PARTS);
  const ds = new DataSource({ type: 'postgres', url: bed.database.url, extra: { max: 10 } });
  await ds.initialize();
  const outbox = new Outbox(ds, { source: 'scratch', contracts: c.registry });
  let t = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < N) { next += 10; await outbox.transaction(async (tx) => { for (let i = 0; i < 10; i++) { const n = next + i; await tx.publish(c.noteAdded, { aggregateId: keys[n % 1000]!, payload: { text: 'x'.repeat(100), sequence: n } }); } }); }
  }));
  console.log(`writers only: ${Math.round(N / ((performance.now() - t) / 1000))} events/s`);
  const relay = new OutboxRelay({ kafka: bed.kafka, dataSource: ds, batchSize: relayBatch });
  t = performance.now();
  await relay.start();
  for (;;) { const [r] = await bed.dataSource.query(`SELECT count(*)::int n FROM messaging_outbox WHERE published_at IS NULL`); if (r.n === 0) break; await sleep(20); }
  console.log(`relay only: ${Math.round(N / ((performance.now() - t) / 1000))} events/s`);
  await relay.stop();
  const cds = new DataSource({ type: 'postgres', url: bed.database.url, extra: process.env['SYNC'] === 'off' ? { options: '-c synchronous_commit=off' } : {} });
  await cds.initialize();
  const handler: EventHandler = { eventType: c.noteAdded.type, batch, async handle(events, manager) {
    for (const e of events) await manager.query(`INSERT INTO bench_effect (event_id, sequence) VALUES ($1, $2)`, [e.envelope.eventId, (e.envelope.payload as unknown as TestNoteAddedV1).sequence]);
  } };
  const consumer = new EventConsumer({ kafka: bed.kafka, dataSource: cds, groupId: uniqueName('scr'), contracts: c.registry, handlers: [handler], partitionsConsumedConcurrently: CONC, createTopics: false });
  const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start');
  t = performance.now();
  await consumer.start();
  let joinedAt = 0;
  for (;;) { if (!joinedAt && consumer.status().state === 'running') joinedAt = performance.now(); const [r] = await bed.dataSource.query(`SELECT count(*)::int n FROM bench_effect`); if (r.n >= N) break; await sleep(20); }
  const end = performance.now();
  const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/consumer.cpuprofile', JSON.stringify(profile));
  console.log(`consumer only (batch=${batch}, sync=${process.env['SYNC'] ?? 'on'}): ${Math.round(N / ((end - joinedAt) / 1000))} events/s after join (join ${Math.round(joinedAt - t)} ms)`);
  await consumer.stop();
  await cds.destroy();
  await ds.destroy();
} finally { await bed.close(); await lease.release(); }
