import type { DataSource, QueryRunner } from 'typeorm';
import { JOBS_LOCK_NAMESPACE } from './run-lock.js';
import { retentionMetrics } from '../metrics/retention-metrics.js';

/** Trigger of a run: its timer, or an administrator. */
export type RunTrigger = 'schedule' | 'admin';

/** Status of a run in `job_runs`; `abandoned` is a run whose runner died or stopped before finishing. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'abandoned';

/** One row of `job_runs`, as status shows it. */
export interface JobRunRecord {
  runId: string;
  job: string;
  instance: string;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  itemsTotal: number | null;
  itemsSucceeded: number;
  itemsFailed: number;
  error: string | null;
  durationMs: number | null;
}

/** What the run log knows about one job. */
export interface JobHistory {
  lastRun: JobRunRecord | null;
  lastSucceededAt: Date | null;
  lastError: { runId: string; at: string | null; message: string | null } | null;
  firstStartedAt: Date | null;
  /** A session holds the job's lock: a run is in progress on some instance. */
  locked: boolean;
}

interface RunRow {
  id: string;
  job: string;
  instance: string;
  trigger: RunTrigger;
  status: RunStatus;
  started_at: Date;
  finished_at: Date | null;
  items_total: number | null;
  items_succeeded: number;
  items_failed: number;
  error: string | null;
  duration_ms: number | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function record(row: RunRow): JobRunRecord {
  return {
    runId: row.id,
    job: row.job,
    instance: row.instance,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    finishedAt: iso(row.finished_at),
    itemsTotal: row.items_total,
    itemsSucceeded: row.items_succeeded,
    itemsFailed: row.items_failed,
    error: row.error,
    durationMs: row.duration_ms,
  };
}

/** Writes of one run, all on the connection that holds the job's lock. */
export const runLog = {
  /** Marks the job's `running` rows abandoned: under the lock, their runner can only be gone. */
  async abandonOrphans(runner: QueryRunner, job: string, at: Date): Promise<{ id: string; instance: string }[]> {
    const [rows] = (await runner.query(
      `UPDATE job_runs
          SET status = 'abandoned', finished_at = $2,
              error = 'abandoned: its runner stopped before finishing (crash or lost connection)',
              duration_ms = GREATEST(0, (EXTRACT(EPOCH FROM ($2::timestamptz - started_at)) * 1000)::integer)
        WHERE job = $1 AND status = 'running'
        RETURNING id, instance`,
      [job, at],
    )) as [{ id: string; instance: string }[], number];
    return rows;
  },

  /** Start of the job's latest run, any instance: the schedule is anchored on it. */
  async lastStartedAt(queryable: QueryRunner | DataSource, job: string): Promise<Date | null> {
    const [row] = (await queryable.query(`SELECT max(started_at) AS at FROM job_runs WHERE job = $1`, [job])) as {
      at: Date | null;
    }[];
    return row?.at ?? null;
  },

  async insert(
    runner: QueryRunner,
    run: { id: string; job: string; instance: string; trigger: RunTrigger; startedAt: Date; total: number | null },
  ): Promise<void> {
    await runner.query(
      `INSERT INTO job_runs (id, job, instance, trigger, status, started_at, items_total)
       VALUES ($1, $2, $3, $4, 'running', $5, $6)`,
      [run.id, run.job, run.instance, run.trigger, run.startedAt, run.total],
    );
  },

  /** Counts so far, after each batch: a crashed run's row shows how far it got. */
  async progress(runner: QueryRunner, id: string, succeeded: number, failed: number): Promise<void> {
    await runner.query(`UPDATE job_runs SET items_succeeded = $2, items_failed = $3 WHERE id = $1`, [
      id,
      succeeded,
      failed,
    ]);
  },

  async finish(
    runner: QueryRunner,
    id: string,
    end: { status: RunStatus; at: Date; succeeded: number; failed: number; error: string | null; durationMs: number },
  ): Promise<void> {
    await runner.query(
      `UPDATE job_runs
          SET status = $2, finished_at = $3, items_succeeded = $4, items_failed = $5, error = $6, duration_ms = $7
        WHERE id = $1`,
      [id, end.status, end.at, end.succeeded, end.failed, end.error, Math.round(end.durationMs)],
    );
  },

  /** Deletes runs older than `before`, keeping the latest success (staleness is measured from it). */
  async prune(runner: QueryRunner, job: string, before: Date): Promise<void> {
    const result = (await runner.query(
      `DELETE FROM job_runs
        WHERE job = $1 AND started_at < $2 AND status <> 'running'
          AND id IS DISTINCT FROM (SELECT id FROM job_runs WHERE job = $1 AND status = 'succeeded'
                                    ORDER BY started_at DESC LIMIT 1)`,
      [job, before],
    )) as [unknown, number];
    const deleted = result[1] ?? 0;
    if (deleted > 0) retentionMetrics.inc('retention_rows_deleted_total', { table: 'job_runs' }, deleted);
  },

  /** The history of each job, in one round trip. */
  async histories(dataSource: DataSource, jobs: readonly string[]): Promise<Map<string, JobHistory>> {
    const rows = (await dataSource.query(
      `SELECT j.job, to_jsonb(last) AS last, ok.finished_at AS last_succeeded_at,
              bad.id AS error_run_id, bad.finished_at AS error_at, bad.error AS error_message,
              first.started_at AS first_started_at,
              EXISTS (SELECT 1 FROM pg_locks l
                       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                         AND l.classid = $2::int4::oid AND l.objid = hashtext(j.job)::oid
                         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS locked
         FROM unnest($1::text[]) AS j(job)
         LEFT JOIN LATERAL (SELECT * FROM job_runs r WHERE r.job = j.job
                             ORDER BY r.started_at DESC, r.id DESC LIMIT 1) last ON true
         LEFT JOIN LATERAL (SELECT r.finished_at FROM job_runs r WHERE r.job = j.job AND r.status = 'succeeded'
                             ORDER BY r.started_at DESC LIMIT 1) ok ON true
         LEFT JOIN LATERAL (SELECT r.id, r.finished_at, r.error FROM job_runs r
                             WHERE r.job = j.job AND r.status IN ('failed', 'abandoned')
                             ORDER BY r.started_at DESC LIMIT 1) bad ON true
         LEFT JOIN LATERAL (SELECT r.started_at FROM job_runs r WHERE r.job = j.job
                             ORDER BY r.started_at ASC LIMIT 1) first ON true`,
      [jobs, JOBS_LOCK_NAMESPACE],
    )) as {
      job: string;
      last: (Omit<RunRow, 'started_at' | 'finished_at'> & { started_at: string; finished_at: string | null }) | null;
      last_succeeded_at: Date | null;
      error_run_id: string | null;
      error_at: Date | null;
      error_message: string | null;
      first_started_at: Date | null;
      locked: boolean;
    }[];
    return new Map(
      rows.map((row) => [
        row.job,
        {
          // to_jsonb keeps one column list; its timestamps come back as text.
          lastRun: row.last
            ? record({
                ...row.last,
                started_at: new Date(row.last.started_at),
                finished_at: row.last.finished_at ? new Date(row.last.finished_at) : null,
              })
            : null,
          lastSucceededAt: row.last_succeeded_at,
          lastError: row.error_run_id
            ? { runId: row.error_run_id, at: iso(row.error_at), message: row.error_message }
            : null,
          firstStartedAt: row.first_started_at,
          locked: row.locked,
        },
      ]),
    );
  },
};
