import type { DataSource } from 'typeorm';
import { JOBS_ERROR_CODES, JobsError } from '../errors.js';
import { defineJob, type JobDefinition } from '../job-definition.js';
import { retentionMetrics } from '../metrics/retention-metrics.js';

/** Rows per batch unless a rule says otherwise: small enough that each DELETE holds its locks briefly. */
export const DEFAULT_RETENTION_BATCH_SIZE = 1000;

/** A retention rule: delete the rows of `table` whose `olderThan.column` is older than `keepMs`. */
export interface RetentionJobOptions {
  /** Job name, `retention-<table>` by convention. */
  name: string;
  /** The service's DataSource; each batch is one autocommit statement on it. */
  dataSource: DataSource;
  /** Table name (a lower-case SQL identifier, from code): also the metric's `table` label. */
  table: string;
  /** The timestamp column that ages a row (needs an index, see the README) and how long rows are kept. */
  olderThan: { column: string; keepMs: number };
  /**
   * An extra condition from code, never from input (e.g. `status IN ('sent', 'failed')`): rows it
   * excludes are kept whatever their age. The index should match it (a partial index).
   */
  where?: string;
  /** Rows deleted per batch, at most; default 1000. */
  batchSize?: number;
  /** Period between runs. */
  everyMs: number;
  /** No success for this long shows the job stale; default three periods. */
  staleAfterMs?: number;
  /** The clock (epoch ms) for the cut-off; default `Date.now`. */
  now?: () => number;
}

/** Where a retention run is: its cut-off, fixed at the first batch, and how many batches were full. */
export interface RetentionCursor {
  cutoff: string;
  batches: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function invalid(name: unknown, message: string): never {
  throw new JobsError(JOBS_ERROR_CODES.invalidDefinition, `retention job "${String(name)}": ${message}`);
}

function identifier(name: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    invalid(name, `${field} must be a lower-case SQL identifier (a-z, 0-9, _), got ${JSON.stringify(value)}`);
  }
  return `"${value}"`;
}

/**
 * Declares a job that deletes a table's rows past their keep period in short batches: each batch
 * is one statement that locks and deletes at most `batchSize` rows (oldest first, skipping rows
 * another transaction holds), so no lock is held for long and no DELETE is unbounded. A run stops
 * at the first batch that deletes fewer rows; the next run picks up whatever was skipped. Rows
 * deleted count in `retention_rows_deleted_total{table}` and the runner's `jobs_items_total`. A
 * run fails (`JOBS.INVALID_DEFINITION`) if no index of the table starts with the column.
 */
export function defineRetentionJob(options: RetentionJobOptions): JobDefinition<RetentionCursor> {
  const { name, dataSource, olderThan, where } = options;
  const table = identifier(name, 'table', options.table);
  const column = identifier(name, 'olderThan.column', olderThan?.column);
  const keepMs = olderThan.keepMs;
  if (typeof keepMs !== 'number' || !Number.isSafeInteger(keepMs) || keepMs <= 0) {
    invalid(name, `olderThan.keepMs must be a positive whole number of milliseconds, got ${String(keepMs)}`);
  }
  if (where !== undefined && (typeof where !== 'string' || where.trim() === '' || where.includes(';'))) {
    invalid(name, 'where must be one SQL condition (no ";")');
  }
  if (!dataSource) invalid(name, 'dataSource is required');
  const now = options.now ?? Date.now;
  const label = { table: options.table };
  const condition = `${column} < $1${where ? ` AND (${where})` : ''}`;
  // ctid pins the rows the sub-select locked: the DELETE touches exactly those, by TID scan.
  const deleteBatch = `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM ${table} WHERE ${condition} ORDER BY ${column} LIMIT $2 FOR UPDATE SKIP LOCKED))`;
  const countPending = `SELECT count(*)::int AS pending FROM ${table} WHERE ${condition}`;
  const cutoffNow = () => new Date(now() - keepMs);
  let indexChecked = false;

  // Without an index led by the column, every batch would scan the table: refuse to run.
  async function checkIndex(): Promise<void> {
    if (indexChecked) return;
    const rows = (await dataSource.query(
      `SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = to_regclass($1) AND a.attname = $2 LIMIT 1`,
      [options.table, olderThan.column],
    )) as unknown[];
    if (rows.length === 0) {
      invalid(name, `table ${options.table} has no index led by ${olderThan.column}: add one in a migration`);
    }
    indexChecked = true;
  }

  return defineJob<RetentionCursor>({
    name,
    everyMs: options.everyMs,
    staleAfterMs: options.staleAfterMs ?? 3 * options.everyMs,
    batchSize: options.batchSize ?? DEFAULT_RETENTION_BATCH_SIZE,
    async pending() {
      const [row] = (await dataSource.query(countPending, [cutoffNow()])) as { pending: number }[];
      return row?.pending ?? 0;
    },
    async batch({ after, limit }) {
      if (!after) await checkIndex();
      // One cut-off for the whole run: rows that age during it wait for the next run.
      const cutoff = after?.cutoff ?? cutoffNow().toISOString();
      const result = (await dataSource.query(deleteBatch, [cutoff, limit])) as [unknown, number];
      const deleted = result[1] ?? 0;
      if (deleted > 0) retentionMetrics.inc('retention_rows_deleted_total', label, deleted);
      const batches = (after?.batches ?? 0) + 1;
      return { succeeded: deleted, failed: 0, next: deleted < limit ? undefined : { cutoff, batches } };
    },
  });
}
