import type { AppLogger } from '@platform/logging';
import { JOBS_ERROR_CODES, JobsError } from './errors.js';

/** Items per batch unless a job says otherwise (issue 14). */
export const DEFAULT_BATCH_SIZE = 100;

/** What a job's `batch` is given: where to resume and how much to take. */
export interface JobBatchContext<Cursor> {
  /** The run's id (UUID v7), also on every log line of the run and in `job_runs.id`. */
  runId: string;
  /** Keyset position: the `next` the previous batch returned; undefined for the first batch. */
  after: Cursor | undefined;
  /** Items to take at most: `WHERE (key) > (after) ORDER BY key LIMIT limit`. */
  limit: number;
  /** Aborted when the service stops: finish or abandon the batch quickly (throwing is fine then). */
  signal: AbortSignal;
  /** A logger whose lines carry `job` and `runId`. */
  log: AppLogger;
}

/** What one batch did, and where the next one starts. */
export interface JobBatchResult<Cursor> {
  /** Items done (their effect committed). */
  succeeded: number;
  /** Items that failed: counted, logged and skipped by the job, never retried within this run. */
  failed: number;
  /** The key of the last item seen; undefined when this page was the last one (fewer than `limit`). */
  next?: Cursor;
}

/**
 * A background job as a service declares it. Contract: the job is stateless (all state in the
 * database) and idempotent per item (a rerun after a crash repeats no effect); `batch` takes at
 * most `limit` items after `after` in key order and commits their effects before resolving; a
 * rejected `batch` ends the run as failed (the next run starts from the beginning again).
 */
export interface JobDefinition<Cursor = unknown> {
  /** Lower-case name, unique in the service: `overdue-invoices`. Label value, log field, lock key. */
  readonly name: string;
  /** Period between the starts of two scheduled runs, across all instances. */
  readonly everyMs: number;
  /** A job whose last success is older than this shows as stale (health details, `jobs_stale`). */
  readonly staleAfterMs: number;
  /** Items per batch; default 100. */
  readonly batchSize?: number;
  /** Items waiting to be processed now (a COUNT with the job's WHERE), for logs, status and metrics. */
  pending?(): Promise<number>;
  /** Processes one page of items; see the interface's contract. */
  batch(context: JobBatchContext<Cursor>): Promise<JobBatchResult<Cursor>>;
}

const JOB_NAME = /^[a-z][a-z0-9-]{0,62}$/;

function invalid(message: string): never {
  throw new JobsError(JOBS_ERROR_CODES.invalidDefinition, message);
}

function positive(name: string, field: string, value: unknown, integer = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    invalid(`job "${name}": ${field} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
}

/** Declares a job, checking its definition at once (a bad one stops the service's start). */
export function defineJob<Cursor>(definition: JobDefinition<Cursor>): JobDefinition<Cursor> {
  const { name } = definition;
  if (typeof name !== 'string' || !JOB_NAME.test(name)) {
    invalid(`job name "${String(name)}" must be lower-case letters, digits and "-", starting with a letter`);
  }
  positive(name, 'everyMs', definition.everyMs);
  positive(name, 'staleAfterMs', definition.staleAfterMs);
  if (definition.batchSize !== undefined) positive(name, 'batchSize', definition.batchSize, true);
  if (typeof definition.batch !== 'function') invalid(`job "${name}": batch must be a function`);
  if (definition.pending !== undefined && typeof definition.pending !== 'function') {
    invalid(`job "${name}": pending must be a function`);
  }
  return definition;
}
