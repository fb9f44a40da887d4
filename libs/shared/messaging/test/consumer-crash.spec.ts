import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@platform/infra';
import { testInfra, uniqueGroupId, eventually } from '@platform/infra/testing';
import { Outbox } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceEnvelopes } from './support/kafka.js';
import { createNotesTable } from './support/notes.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'slow-note-consumer.ts');

describe('a consumer killed in the middle of a batch', () => {
  const contracts = testContracts();
  const group = uniqueGroupId('crash');
  const children: ChildProcess[] = [];
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
    await bed.createTopic(contracts.topic, 2);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await bed?.close();
  });

  function startConsumer(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', fixture], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: bed.database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        FAMILY: contracts.domain,
        GROUP: group,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`the consumer exited early with code ${code}`)));
    });
  }

  const counts = async () => {
    const [row] = await bed.dataSource.query(
      `SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct_events FROM notes`,
    );
    return row as { applied: number; distinct_events: number };
  };

  it('neither loses nor re-applies effects after SIGKILL and a restart', async () => {
    const outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    const total = 400;
    const keys = Array.from({ length: 10 }, () => uuidv7());
    const events = Array.from({ length: total }, (_, sequence) =>
      outbox.event(contracts.noteAdded, {
        aggregateId: keys[sequence % keys.length]!,
        payload: { text: 'n', sequence },
      }),
    );
    await produceEnvelopes(bed.kafka, contracts.topic, events);

    const first = await startConsumer();
    await eventually('some notes applied', async () => (await counts()).applied >= 60, 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = (await counts()).applied;
    expect(atKill).toBeLessThan(total);

    const second = await startConsumer();
    await eventually('every note applied', async () => (await counts()).distinct_events === total, 120_000);
    // Let redeliveries of the killed batch arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await counts()).toEqual({ applied: total, distinct_events: total });
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
  });
});
