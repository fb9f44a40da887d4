import { captureLogs } from '@platform/logging/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import {
  defineRetentionJob,
  JOBS_ERROR_CODES,
  JobRunner,
  type JobDefinition,
  type RetentionCursor,
  type RetentionJobOptions,
} from '../src/index.js';
import { createItemsDatabase, metricValue, type ItemsDatabase } from './support/items.js';

const DAY = 86_400_000;
const NOW = Date.parse('2030-06-01T00:00:00Z');

/** A retention job whose batches are recorded (rows each deleted), to check they are bounded. */
function recorded(options: RetentionJobOptions): { job: JobDefinition<RetentionCursor>; deletedPerBatch: number[] } {
  const job = defineRetentionJob(options);
  const deletedPerBatch: number[] = [];
  return {
    deletedPerBatch,
    job: {
      ...job,
      async batch(context) {
        const result = await job.batch(context);
        deletedPerBatch.push(result.succeeded);
        return result;
      },
    },
  };
}

async function insertEvents(dataSource: DataSource, count: number, ageDays: number, kind = 'done'): Promise<void> {
  await dataSource.query(
    `INSERT INTO retention_events (happened_at, kind)
     SELECT $1::timestamptz - (n || ' seconds')::interval, $3 FROM generate_series(1, $2) AS n`,
    [new Date(NOW - ageDays * DAY), count, kind],
  );
}

async function countEvents(dataSource: DataSource, condition = 'true', parameters: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS n FROM retention_events WHERE ${condition}`,
    parameters,
  );
  return row.n;
}

describe('retention job', () => {
  let db: ItemsDatabase;
  const base = () => ({
    name: 'retention-events',
    dataSource: db.dataSource,
    table: 'retention_events',
    olderThan: { column: 'happened_at', keepMs: 30 * DAY },
    everyMs: 3_600_000,
    now: () => NOW,
  });

  beforeAll(async () => {
    captureLogs({ level: 'warn' });
    db = await createItemsDatabase('jobs_retention', 0);
    await db.dataSource.query(
      `CREATE TABLE retention_events (id bigserial PRIMARY KEY, happened_at timestamptz NOT NULL, kind text NOT NULL)`,
    );
    await db.dataSource.query(`CREATE INDEX retention_events_happened_at ON retention_events (happened_at)`);
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    await db.dataSource.query(`TRUNCATE retention_events, job_runs`);
  });

  it('deletes the rows past the keep period in bounded batches and keeps the recent ones', async () => {
    await insertEvents(db.dataSource, 35, 31);
    await insertEvents(db.dataSource, 7, 29);
    const { job, deletedPerBatch } = recorded({ ...base(), batchSize: 10 });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], now: () => NOW });
    const before = (await metricValue('retention_rows_deleted_total', { table: 'retention_events' })) ?? 0;

    const result = await runner.tick('retention-events');

    expect(result).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 35, itemsFailed: 0 });
    expect(deletedPerBatch).toEqual([10, 10, 10, 5]);
    expect(await countEvents(db.dataSource)).toBe(7);
    expect(await countEvents(db.dataSource, `happened_at < $1`, [new Date(NOW - 30 * DAY)])).toBe(0);
    expect(await metricValue('retention_rows_deleted_total', { table: 'retention_events' })).toBe(before + 35);
    const [run] = await db.dataSource.query(`SELECT items_total, items_succeeded FROM job_runs`);
    expect(run).toEqual({ items_total: 35, items_succeeded: 35 });
  });

  it('stops after one batch when there is less than a batch to delete', async () => {
    await insertEvents(db.dataSource, 3, 40);
    const { job, deletedPerBatch } = recorded({ ...base(), batchSize: 10 });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], now: () => NOW });

    expect(await runner.tick('retention-events')).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 3 });
    expect(deletedPerBatch).toEqual([3]);
  });

  it('keeps the rows its condition excludes, whatever their age', async () => {
    await insertEvents(db.dataSource, 4, 60, 'done');
    await insertEvents(db.dataSource, 2, 60, 'pending');
    const job = defineRetentionJob({ ...base(), where: `kind = 'done'` });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], now: () => NOW });

    expect(await runner.tick('retention-events')).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 4 });
    expect(await countEvents(db.dataSource)).toBe(2);
    expect(await countEvents(db.dataSource, `kind = 'pending'`)).toBe(2);
  });

  it('leaves a row another transaction holds and takes it at a later run', async () => {
    await insertEvents(db.dataSource, 5, 31);
    const [held] = await db.dataSource.query(`SELECT id FROM retention_events ORDER BY happened_at LIMIT 1`);
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`UPDATE retention_events SET kind = 'being-changed' WHERE id = $1`, [held.id]);
      const job = defineRetentionJob({ ...base(), batchSize: 2 });
      const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], now: () => NOW });

      // It neither waits for the lock nor deletes the row under the other transaction.
      expect(await runner.trigger('retention-events').then(({ done }) => done)).toMatchObject({
        outcome: 'succeeded',
        itemsSucceeded: 4,
      });
      await other.commitTransaction();
      expect(await db.dataSource.query(`SELECT id, kind FROM retention_events`)).toEqual([
        { id: held.id, kind: 'being-changed' },
      ]);

      expect(await runner.trigger('retention-events').then(({ done }) => done)).toMatchObject({ itemsSucceeded: 1 });
      expect(await countEvents(db.dataSource)).toBe(0);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it('counts the runs the runner prunes from job_runs past runRetentionMs in the same metric', async () => {
    await db.dataSource.query(
      `INSERT INTO job_runs (id, job, instance, trigger, status, started_at, finished_at)
       VALUES ('01900000-0000-7000-8000-000000000001', 'retention-events', 'old', 'schedule', 'failed', $1, $1),
              ('01900000-0000-7000-8000-000000000002', 'retention-events', 'old', 'schedule', 'succeeded', $1, $1)`,
      [new Date(NOW - 40 * DAY)],
    );
    const before = (await metricValue('retention_rows_deleted_total', { table: 'job_runs' })) ?? 0;
    const runner = new JobRunner({
      dataSource: db.dataSource,
      jobs: [defineRetentionJob(base())],
      now: () => NOW,
      runRetentionMs: 30 * DAY,
    });

    await runner.tick('retention-events');

    // Both old runs go: the new run is now the latest success.
    expect(await db.dataSource.query(`SELECT instance FROM job_runs`)).toEqual([{ instance: runner.instance }]);
    expect(await metricValue('retention_rows_deleted_total', { table: 'job_runs' })).toBe(before + 2);
  });

  it('fails a run on a table without an index led by the column, deleting nothing', async () => {
    await db.dataSource.query(`CREATE TABLE unindexed_events (id bigserial PRIMARY KEY, happened_at timestamptz)`);
    await db.dataSource.query(`INSERT INTO unindexed_events (happened_at) VALUES ($1)`, [new Date(NOW - 40 * DAY)]);
    const job = defineRetentionJob({ ...base(), name: 'retention-unindexed', table: 'unindexed_events' });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], now: () => NOW });

    const result = await runner.tick('retention-unindexed');

    expect(result.outcome).toBe('failed');
    expect(result.error).toContain('has no index led by happened_at');
    const [row] = await db.dataSource.query(`SELECT count(*)::int AS n FROM unindexed_events`);
    expect(row.n).toBe(1);
  });

  it('refuses a configuration that cannot be right, with a clear message', () => {
    const refused = (options: Partial<RetentionJobOptions>, message: RegExp) => {
      expect(() => defineRetentionJob({ ...base(), ...options } as RetentionJobOptions)).toThrowError(message);
      try {
        defineRetentionJob({ ...base(), ...options } as RetentionJobOptions);
      } catch (error) {
        expect((error as { code?: string }).code).toBe(JOBS_ERROR_CODES.invalidDefinition);
      }
    };
    refused({ table: 'events; DROP TABLE users' }, /table must be a lower-case SQL identifier/);
    refused({ table: 'Events' }, /table must be a lower-case SQL identifier/);
    refused({ olderThan: { column: 'happened_at"--', keepMs: DAY } }, /olderThan.column must be/);
    refused({ olderThan: { column: 'happened_at', keepMs: 0 } }, /keepMs must be a positive whole number/);
    refused({ olderThan: { column: 'happened_at', keepMs: -DAY } }, /keepMs must be a positive whole number/);
    refused({ olderThan: { column: 'happened_at', keepMs: Number.NaN } }, /keepMs must be a positive whole number/);
    refused({ where: `kind = 'x'; DELETE FROM users` }, /where must be one SQL condition/);
    refused({ batchSize: 0 }, /batchSize must be a positive integer/);
    refused({ everyMs: -1 }, /everyMs must be a positive number/);
  });
});
