import { captureLogs, type LogCapture } from '@platform/logging/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOBS_ERROR_CODES, JobRunner, JobsError } from '../src/index.js';
import { createItemsDatabase, effectCounts, gate, itemsJob, metricValue, type ItemsDatabase } from './support/items.js';

const HOUR = 3_600_000;

describe('job runner', () => {
  let db: ItemsDatabase;
  let logs: LogCapture;
  let clock = Date.parse('2030-01-01T00:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    logs = captureLogs({ level: 'info' });
    db = await createItemsDatabase('jobs_runner', 250);
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    await db.dataSource.query(`UPDATE items SET processed_at = NULL`);
    await db.dataSource.query(`TRUNCATE effects, job_runs`);
    logs.clear();
  });

  it('processes more than one batch with keyset pagination and records the run', async () => {
    const { job, calls } = itemsJob(db.dataSource, { name: 'keyset', failing: (id) => id % 50 === 0 });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], instance: 'one', now });

    const result = await runner.tick('keyset');

    expect(result).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 245, itemsFailed: 5, error: null });
    expect(calls.map(({ after, limit }) => [after, limit])).toEqual([
      [undefined, 100],
      [100, 100],
      [200, 100],
    ]);
    expect(new Set(calls.map((call) => call.runId))).toEqual(new Set([result.runId]));
    expect(await effectCounts(db.dataSource)).toEqual({ items: 245, max: 1, total: 245 });

    const [row] = await db.dataSource.query(`SELECT * FROM job_runs`);
    expect(row).toMatchObject({
      id: result.runId,
      job: 'keyset',
      instance: 'one',
      trigger: 'schedule',
      status: 'succeeded',
      items_total: 250,
      items_succeeded: 245,
      items_failed: 5,
      error: null,
      duration_ms: 0,
    });
    expect(row.started_at.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(result.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);

    const started = logs.filter((record) => record.message === 'job started')[0]!;
    expect(started).toMatchObject({ job: 'keyset', runId: result.runId, total: 250, trigger: 'schedule' });
    const finished = logs.filter((record) => record.message === 'job finished')[0]!;
    expect(finished).toMatchObject({
      job: 'keyset',
      runId: result.runId,
      correlationId: result.runId,
      total: 250,
      succeeded: 245,
      failed: 5,
      pending: 5,
      durationMs: 0,
      nextRunAt: '2030-01-01T00:01:00.000Z',
    });
    // The job's own lines carry the run too.
    expect(logs.filter((record) => record.message === 'item failed')).toHaveLength(5);
    expect(logs.filter((record) => record.message === 'item failed' && record['runId'] !== result.runId)).toEqual([]);

    expect(await metricValue('jobs_runs_total', { job_name: 'keyset', outcome: 'succeeded' })).toBe(1);
    expect(await metricValue('jobs_items_total', { job_name: 'keyset', outcome: 'succeeded' })).toBe(245);
    expect(await metricValue('jobs_items_total', { job_name: 'keyset', outcome: 'failed' })).toBe(5);
    expect(await metricValue('jobs_run_duration_seconds_count', { job_name: 'keyset' })).toBe(1);
    expect(await metricValue('jobs_last_success_timestamp_seconds', { job_name: 'keyset' })).toBe(clock / 1000);
    expect(await metricValue('jobs_items_pending', { job_name: 'keyset' })).toBe(5);
  });

  it('runs a scheduled tick once per period, counted from the latest start', async () => {
    const { job } = itemsJob(db.dataSource, { name: 'period', everyMs: 10 * 60_000 });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], instance: 'one', now });

    expect((await runner.tick('period')).outcome).toBe('succeeded');
    clock += 5 * 60_000;
    expect((await runner.tick('period')).outcome).toBe('not_due');
    clock += 5 * 60_000;
    expect((await runner.tick('period')).outcome).toBe('succeeded');
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM job_runs`)).toEqual([{ n: 2 }]);
  });

  it('records a run that crashed mid-batch as failed; the next run finishes without repeating an effect', async () => {
    const { job } = itemsJob(db.dataSource, { name: 'crash', crashAfter: { items: 50, once: true } });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], instance: 'one', now });

    const failed = await runner.tick('crash');
    expect(failed).toMatchObject({
      outcome: 'failed',
      itemsSucceeded: 0,
      error: 'Error: crashed in the middle of a batch, at item 51',
    });
    expect(await effectCounts(db.dataSource)).toEqual({ items: 50, max: 1, total: 50 });
    const [row] = await db.dataSource.query(`SELECT status, error FROM job_runs WHERE id = $1`, [failed.runId]);
    expect(row).toEqual({ status: 'failed', error: 'Error: crashed in the middle of a batch, at item 51' });
    expect(logs.filter((record) => record.message === 'job failed')[0]).toMatchObject({
      level: 'error',
      runId: failed.runId,
      error: 'Error: crashed in the middle of a batch, at item 51',
    });

    clock += HOUR;
    const next = await runner.tick('crash');
    expect(next).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 200, itemsFailed: 0 });
    expect(await effectCounts(db.dataSource)).toEqual({ items: 250, max: 1, total: 250 });
    expect(await metricValue('jobs_runs_total', { job_name: 'crash', outcome: 'failed' })).toBe(1);
  });

  it('marks a run left running by a dead runner abandoned, then runs', async () => {
    const { job } = itemsJob(db.dataSource, { name: 'orphan' });
    await db.dataSource.query(
      `INSERT INTO job_runs (id, job, instance, trigger, status, started_at, items_succeeded)
       VALUES ('01900000-0000-7000-8000-000000000001', 'orphan', 'dead-pod', 'schedule', 'running', $1, 30)`,
      [new Date(clock - 2 * HOUR)],
    );
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], instance: 'one', now });

    expect((await runner.tick('orphan')).outcome).toBe('succeeded');

    const [orphan] = await db.dataSource.query(
      `SELECT status, finished_at, items_succeeded, error, duration_ms FROM job_runs WHERE instance = 'dead-pod'`,
    );
    expect(orphan).toMatchObject({ status: 'abandoned', items_succeeded: 30, duration_ms: 2 * HOUR });
    expect(orphan.finished_at.getTime()).toBe(clock);
    expect(orphan.error).toMatch(/^abandoned: /);
    expect(await metricValue('jobs_runs_total', { job_name: 'orphan', outcome: 'abandoned' })).toBe(1);
    expect(logs.filter((record) => record.message.startsWith('job run marked abandoned'))[0]).toMatchObject({
      job: 'orphan',
      runId: '01900000-0000-7000-8000-000000000001',
      runInstance: 'dead-pod',
    });
  });

  it('runs for an admin whether due or not, and refuses a second run or an unknown job', async () => {
    const held = gate();
    const { job } = itemsJob(db.dataSource, {
      name: 'admin',
      beforeBatch: async ({ after }) => {
        if (after !== undefined) return;
        held.arrive();
        await held.wait;
      },
    });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], instance: 'one', now });

    const run = await runner.trigger('admin');
    await held.reached;
    const [row] = await db.dataSource.query(`SELECT status, trigger FROM job_runs WHERE id = $1`, [run.runId]);
    expect(row).toEqual({ status: 'running', trigger: 'admin' });
    const status = await runner.status();
    expect(status.jobs[0]).toMatchObject({ job: 'admin', running: true, itemsPending: 250 });

    const again = await runner.trigger('admin').catch((error: unknown) => error);
    expect(again).toBeInstanceOf(JobsError);
    expect((again as JobsError).code).toBe(JOBS_ERROR_CODES.alreadyRunning);
    expect((await runner.tick('admin')).outcome).toBe('skipped');
    const unknown = await runner.trigger('nope').catch((error: unknown) => error);
    expect((unknown as JobsError).code).toBe(JOBS_ERROR_CODES.unknownJob);

    held.open();
    expect(await run.done).toMatchObject({ runId: run.runId, outcome: 'succeeded', itemsSucceeded: 250 });
    expect((await runner.status()).jobs[0]).toMatchObject({ running: false, itemsPending: 0 });
    // An admin run right after another is allowed: it is not bound to the schedule.
    expect((await (await runner.trigger('admin')).done).outcome).toBe('succeeded');
  });

  it('shows each job’s last start, success, error and staleness, and flags a stale job', async () => {
    const { job } = itemsJob(db.dataSource, { name: 'stale', everyMs: HOUR, staleAfterMs: 3 * HOUR });
    const { job: broken } = itemsJob(db.dataSource, {
      name: 'broken',
      staleAfterMs: 3 * HOUR,
      crashAfter: { items: 0, once: false },
    });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job, broken], instance: 'one', now });
    const successAt = new Date(clock).toISOString();
    const failed = await runner.tick('broken');
    await runner.tick('stale');

    const fresh = await runner.status();
    expect(fresh).toMatchObject({ instance: 'one', checkedAt: successAt });
    expect(fresh.jobs[0]).toMatchObject({
      job: 'stale',
      stale: false,
      running: false,
      lastStartedAt: successAt,
      lastSucceededAt: successAt,
      lastError: null,
      itemsPending: 0,
      nextRunAt: null,
      lastRun: { status: 'succeeded', trigger: 'schedule', itemsSucceeded: 250 },
    });
    expect(fresh.jobs[1]).toMatchObject({
      job: 'broken',
      stale: false,
      lastSucceededAt: null,
      lastError: { runId: failed.runId, at: successAt, message: 'Error: crashed in the middle of a batch, at item 1' },
    });

    clock += 3 * HOUR + 1;
    const late = await runner.status({ pending: false });
    expect(late.jobs.map(({ job, stale, itemsPending }) => ({ job, stale, itemsPending }))).toEqual([
      { job: 'stale', stale: true, itemsPending: null },
      { job: 'broken', stale: true, itemsPending: null },
    ]);
    expect(await metricValue('jobs_stale', { job_name: 'stale' })).toBe(1);
    expect(await metricValue('jobs_stale', { job_name: 'broken' })).toBe(1);

    await runner.tick('stale');
    expect((await runner.status()).jobs[0]!.stale).toBe(false);
    expect(await metricValue('jobs_stale', { job_name: 'stale' })).toBe(0);
  });

  it('stops between batches when the runner stops, recording the run abandoned', async () => {
    const held = gate();
    const { job, calls } = itemsJob(db.dataSource, {
      name: 'stopping',
      beforeBatch: async () => {
        held.arrive();
        await held.wait;
      },
    });
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [job], instance: 'one', now });
    const run = await runner.trigger('stopping');
    await held.reached;

    const stopped = runner.stop();
    held.open();
    await stopped;

    expect(await run.done).toMatchObject({
      outcome: 'abandoned',
      error: 'interrupted: the service stopped during the run',
    });
    expect(calls).toHaveLength(1);
    const [row] = await db.dataSource.query(`SELECT status, items_succeeded FROM job_runs WHERE id = $1`, [run.runId]);
    expect(row).toEqual({ status: 'abandoned', items_succeeded: 100 });
    expect(((await runner.trigger('stopping').catch((e: unknown) => e)) as JobsError).code).toBe(
      JOBS_ERROR_CODES.runnerStopped,
    );
  });

  it('ends a run whose batch returns the cursor it was given, instead of looping', async () => {
    const { job: looping } = itemsJob(db.dataSource, { name: 'looping' });
    const stuck = { ...looping, batch: async () => ({ succeeded: 0, failed: 0, next: 7 }) };
    const runner = new JobRunner({ dataSource: db.dataSource, jobs: [stuck], instance: 'one', now });
    const result = await runner.tick('looping');
    expect(result.outcome).toBe('failed');
    expect(result.error).toBe('Error: batch returned the cursor it was given (7); the run would never end');
  });
});
