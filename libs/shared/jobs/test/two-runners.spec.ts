import { configureLogging } from '@platform/logging';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS_ERROR_CODES, JobRunner, type JobsError } from '../src/index.js';
import { createItemsDatabase, effectCounts, gate, itemsJob, type ItemsDatabase } from './support/items.js';

describe('two runners on one database', () => {
  let db: ItemsDatabase;
  let second: DataSource;

  beforeAll(async () => {
    configureLogging({ level: 'error' });
    db = await createItemsDatabase('jobs_two_runners', 300);
    second = await db.connect();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('run a job once at a time: the other skips, and no item is processed twice', async () => {
    // Every run waits at its first batch until the test opens the gate, so the two runners
    // certainly compete while one holds the lock.
    let held = gate();
    const firstBatchWaits = async ({ after }: { after: number | undefined }) => {
      if (after !== undefined) return;
      held.arrive();
      await held.wait;
    };
    const { job: jobA } = itemsJob(db.dataSource, { name: 'shared', beforeBatch: firstBatchWaits });
    const { job: jobB } = itemsJob(second, { name: 'shared', beforeBatch: firstBatchWaits });
    const a = new JobRunner({ dataSource: db.dataSource, jobs: [jobA], instance: 'a' });
    const b = new JobRunner({ dataSource: second, jobs: [jobB], instance: 'b' });

    const running = await a.trigger('shared');
    await held.reached;
    expect((await b.tick('shared')).outcome).toBe('skipped');
    const refused = (await b.trigger('shared').catch((error: unknown) => error)) as JobsError;
    expect(refused.code).toBe(JOBS_ERROR_CODES.alreadyRunning);
    expect((await b.status()).jobs[0]!.running).toBe(true);
    held.open();
    expect((await running.done).itemsSucceeded).toBe(300);

    // Both at once, over fresh items: each round exactly one of them runs.
    for (let round = 0; round < 3; round++) {
      await db.dataSource.query(`UPDATE items SET processed_at = NULL WHERE id % 3 = $1`, [round]);
      held = gate();
      const attempts = await Promise.allSettled([a.trigger('shared'), b.trigger('shared')]);
      const refusedNow = attempts.filter((attempt) => attempt.status === 'rejected');
      expect(refusedNow.map((attempt) => (attempt.reason as JobsError).code)).toEqual([
        JOBS_ERROR_CODES.alreadyRunning,
      ]);
      held.open();
      const started = attempts.find((attempt) => attempt.status === 'fulfilled')!;
      expect((await started.value.done).itemsSucceeded).toBe(100);
    }
    const counts = await effectCounts(db.dataSource);
    expect(counts).toEqual({ items: 300, max: 2, total: 600 });
    const [{ concurrent }] = await db.dataSource.query(
      `SELECT count(*)::int AS concurrent FROM job_runs x JOIN job_runs y
          ON x.id < y.id AND x.started_at < y.finished_at AND y.started_at < x.finished_at`,
    );
    expect(concurrent).toBe(0);
  });

  it('lets the other runner take over when the lock holder’s connection dies mid-run', async () => {
    await db.dataSource.query(`UPDATE items SET processed_at = NULL`);
    await db.dataSource.query(`TRUNCATE effects, job_runs`);
    const held = gate();
    const { job: jobA } = itemsJob(db.dataSource, {
      name: 'takeover',
      beforeBatch: async ({ after }) => {
        if (after !== 100) return;
        held.arrive();
        await held.wait;
      },
    });
    const { job: jobB } = itemsJob(second, { name: 'takeover' });
    const a = new JobRunner({ dataSource: db.dataSource, jobs: [jobA], instance: 'a' });
    const b = new JobRunner({ dataSource: second, jobs: [jobB], instance: 'b' });

    const dying = await a.trigger('takeover');
    await held.reached;
    // What a crash does to the lock: the session holding it ends. The timeout makes PostgreSQL wait
    // until the backend has exited (and its locks are gone); without it the call only signals it,
    // and the takeover below could still find the lock held.
    await second.query(
      `SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );

    // A scheduled tick would wait a period after the dead run's start; an admin runs it now.
    const takeover = await (await b.trigger('takeover')).done;
    expect(takeover).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 200 });
    const runs = await second.query(`SELECT instance, status, items_succeeded FROM job_runs ORDER BY started_at, id`);
    expect(runs).toEqual([
      { instance: 'a', status: 'abandoned', items_succeeded: 100 },
      { instance: 'b', status: 'succeeded', items_succeeded: 200 },
    ]);

    // The dead runner's batch goes on (a real crash would not), finds nothing left, and cannot write its row.
    held.open();
    expect((await dying.done).outcome).toBe('failed');
    expect(await effectCounts(second)).toEqual({ items: 300, max: 1, total: 300 });
    expect((await second.query(`SELECT status FROM job_runs WHERE instance = 'a'`))[0].status).toBe('abandoned');
  });
});
