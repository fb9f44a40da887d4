import { hostname } from 'node:os';
import { getLogger, RequestContext } from '@platform/logging';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { JOBS_ERROR_CODES, JobsError } from '../errors.js';
import { DEFAULT_BATCH_SIZE, type JobBatchResult, type JobDefinition } from '../job-definition.js';
import { jobsMetrics } from '../metrics/jobs-metrics.js';
import { tryLock, type RunLock } from './run-lock.js';
import { runLog, type JobRunRecord, type RunStatus, type RunTrigger } from './run-log.js';
import { isDue, isStale, jitterMs, nextDueAt } from './schedule.js';

/** How a {@link JobRunner} is set up. */
export interface JobRunnerOptions {
  /** The service's TypeORM DataSource: `job_runs` (see `jobsMigrations`) and the locks live there. */
  dataSource: DataSource;
  /** The service's jobs, each made by `defineJob`; names must be unique. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job has its own cursor type
  jobs: readonly JobDefinition<any>[];
  /** This instance in `job_runs.instance` and logs; default `<hostname>-<pid>` (the pod name in Kubernetes). */
  instance?: string;
  /** The clock, epoch milliseconds, for run timestamps, schedule and staleness; tests pass their own. */
  now?: () => number;
  /** How long `stop()` waits for running batches after signalling them; default 10 s. */
  stopTimeoutMs?: number;
  /** Period of refreshing `jobs_stale` and `jobs_last_success_timestamp_seconds` from the run log; default 60 s. */
  statusRefreshMs?: number;
  /** Runs older than this are deleted after each run (the latest success is kept); default 30 days. */
  runRetentionMs?: number;
}

/** How a tick or trigger ended; `skipped`: another run held the lock; `not_due`: another instance ran it recently. */
export type RunOutcome = RunStatus | 'skipped' | 'not_due';

/** What one run did. */
export interface JobRunResult {
  job: string;
  /** The run's id, null when nothing ran (`skipped`, `not_due`). */
  runId: string | null;
  outcome: Exclude<RunOutcome, 'running'>;
  itemsSucceeded: number;
  itemsFailed: number;
  durationMs: number;
  /** Short reason of a failed or abandoned run (no stack). */
  error: string | null;
}

/** A run an administrator started: its id at once, its result when it ends. */
export interface TriggeredRun {
  runId: string;
  done: Promise<JobRunResult>;
}

/** One job in `GET /jobs/status`. */
export interface JobStatus {
  job: string;
  everyMs: number;
  staleAfterMs: number;
  /** A run holds the job's lock now, on any instance. */
  running: boolean;
  /** No success within `staleAfterMs` (shown in /health details and `jobs_stale`). */
  stale: boolean;
  lastStartedAt: string | null;
  lastSucceededAt: string | null;
  /** The latest failed or abandoned run. */
  lastError: { runId: string; at: string | null; message: string | null } | null;
  /** Counted now by the job's `pending()`; null without one, when it failed, or when not asked for. */
  itemsPending: number | null;
  /** This instance's next scheduled tick; null when its timers are not running. */
  nextRunAt: string | null;
  lastRun: JobRunRecord | null;
}

/** The answer of `GET /jobs/status`. */
export interface JobsStatus {
  instance: string;
  checkedAt: string;
  jobs: JobStatus[];
}

interface Lease {
  lock: RunLock;
  runId: string;
  trigger: RunTrigger;
  startedAt: number;
  total: number | null;
}

const logger = getLogger('Jobs');
const MAX_TIMER_MS = 2 ** 31 - 1;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The error text kept in `job_runs.error` and logs: one line, bounded, never a stack. */
function shortError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text =
    error instanceof Error
      ? `${typeof code === 'string' ? code : error.name}: ${error.message}`
      : `non-error thrown: ${String(error)}`;
  return (text.split('\n')[0] ?? '').slice(0, 500);
}

function sameCursor(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

function checkBatchResult(job: string, result: JobBatchResult<unknown>): void {
  const count = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (!result || !count(result.succeeded) || !count(result.failed)) {
    throw new JobsError(
      JOBS_ERROR_CODES.invalidDefinition,
      `job "${job}": batch must resolve with { succeeded, failed } as non-negative integers`,
    );
  }
}

/**
 * Runs a service's jobs: one timer per job, a PostgreSQL advisory lock so a job runs once at a
 * time across instances, keyset batches, the `job_runs` log, metrics and status. Plain class,
 * usable without Nest; `JobsModule` wraps it for a Nest service.
 */
export class JobRunner {
  readonly instance: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job has its own cursor type
  private readonly jobs = new Map<string, JobDefinition<any>>();
  private readonly dataSource: DataSource;
  private readonly now: () => number;
  private readonly createdAt: number;
  private readonly stopTimeoutMs: number;
  private readonly statusRefreshMs: number;
  private readonly runRetentionMs: number;
  /** Jobs with a tick or run in progress on this instance, from before the lock is asked for. */
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<JobRunResult>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly nextRuns = new Map<string, number>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();
  private state: 'idle' | 'started' | 'stopped' = 'idle';

  constructor(options: JobRunnerOptions) {
    this.dataSource = options.dataSource;
    this.instance = options.instance ?? `${hostname()}-${process.pid}`;
    this.now = options.now ?? Date.now;
    this.createdAt = this.now();
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.statusRefreshMs = options.statusRefreshMs ?? 60_000;
    this.runRetentionMs = options.runRetentionMs ?? 30 * DAY_MS;
    for (const job of options.jobs) {
      if (this.jobs.has(job.name)) {
        throw new JobsError(JOBS_ERROR_CODES.invalidDefinition, `two jobs are named "${job.name}"`);
      }
      this.jobs.set(job.name, job);
    }
  }

  /** The names of the registered jobs, in registration order. */
  get jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  /** Starts one timer per job, anchored on the latest start in `job_runs`, and the status refresh. */
  async start(): Promise<void> {
    if (this.state === 'stopped') throw this.stoppedError();
    if (this.state === 'started') return;
    this.state = 'started';
    await Promise.all([...this.jobs.values()].map((job) => this.scheduleNext(job)));
    await this.refreshStatus();
    this.refreshTimer = setInterval(() => void this.refreshStatus(), this.statusRefreshMs);
    this.refreshTimer.unref();
    logger.info('job runner started', { instance: this.instance, jobs: this.jobNames });
  }

  /**
   * Stops the timers, aborts the `signal` of running batches and waits for them (at most
   * `stopTimeoutMs`); a run cut short is recorded `abandoned`. No run starts afterwards.
   */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.nextRuns.clear();
    clearInterval(this.refreshTimer);
    this.stopping.abort();
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.inFlight]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      // Their connections close with the DataSource: PostgreSQL frees the locks, and the next
      // run marks their rows abandoned.
      logger.warn('job runs did not stop in time', { timeoutMs: this.stopTimeoutMs, running: [...this.busy] });
    }
  }

  /**
   * What the timer does each period: runs the job now if it is due (one period after its latest
   * start on any instance) and no other run holds its lock. For tests and scripts too.
   */
  async tick(name: string): Promise<JobRunResult> {
    const job = this.job(name);
    if (this.state === 'stopped') throw this.stoppedError();
    if (this.busy.has(name)) return this.notRun(name, 'skipped');
    const lease = await this.begin(job, 'schedule');
    return typeof lease === 'string' ? this.notRun(name, lease) : this.execute(job, lease);
  }

  /**
   * Runs the job now for an administrator, whether due or not. Resolves once the run is recorded,
   * with its id; throws `JOBS.UNKNOWN_JOB` (404), `JOBS.ALREADY_RUNNING` (409), `JOBS.RUNNER_STOPPED`.
   */
  async trigger(name: string): Promise<TriggeredRun> {
    const job = this.job(name);
    if (this.state === 'stopped') throw this.stoppedError();
    const running = () => new JobsError(JOBS_ERROR_CODES.alreadyRunning, `job "${name}" is already running`);
    if (this.busy.has(name)) throw running();
    const lease = await this.begin(job, 'admin');
    if (typeof lease === 'string') throw running();
    return { runId: lease.runId, done: this.execute(job, lease) };
  }

  /**
   * Each job's last start, success and error (from `job_runs`, all instances), whether it runs now,
   * is stale, its pending items (unless `pending: false`) and this instance's next run. Also
   * refreshes the staleness and last-success gauges.
   */
  async status(options: { pending?: boolean } = {}): Promise<JobsStatus> {
    const now = this.now();
    const histories = await runLog.histories(this.dataSource, this.jobNames);
    const jobs = await Promise.all(
      [...this.jobs.values()].map(async (job): Promise<JobStatus> => {
        const history = histories.get(job.name);
        const since = Math.min(history?.firstStartedAt?.getTime() ?? this.createdAt, this.createdAt);
        const stale = isStale(history?.lastSucceededAt ?? null, since, job.staleAfterMs, now);
        jobsMetrics.set('jobs_stale', { job_name: job.name }, stale ? 1 : 0);
        if (history?.lastSucceededAt) {
          const seconds = history.lastSucceededAt.getTime() / 1000;
          jobsMetrics.set('jobs_last_success_timestamp_seconds', { job_name: job.name }, seconds);
        }
        const next = this.nextRuns.get(job.name);
        return {
          job: job.name,
          everyMs: job.everyMs,
          staleAfterMs: job.staleAfterMs,
          running: history?.locked ?? false,
          stale,
          lastStartedAt: history?.lastRun?.startedAt ?? null,
          lastSucceededAt: history?.lastSucceededAt?.toISOString() ?? null,
          lastError: history?.lastError ?? null,
          itemsPending: options.pending === false ? null : await this.countPending(job),
          nextRunAt: next === undefined ? null : new Date(next).toISOString(),
          lastRun: history?.lastRun ?? null,
        };
      }),
    );
    return { instance: this.instance, checkedAt: new Date(now).toISOString(), jobs };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job has its own cursor type
  private job(name: string): JobDefinition<any> {
    const job = this.jobs.get(name);
    if (!job) {
      throw new JobsError(
        JOBS_ERROR_CODES.unknownJob,
        `no job is named "${name}" (known: ${this.jobNames.join(', ') || 'none'})`,
      );
    }
    return job;
  }

  private stoppedError(): JobsError {
    return new JobsError(JOBS_ERROR_CODES.runnerStopped, 'the job runner is stopped');
  }

  private notRun(job: string, outcome: 'skipped' | 'not_due'): JobRunResult {
    if (outcome === 'skipped') {
      jobsMetrics.inc('jobs_runs_total', { job_name: job, outcome });
      logger.debug('job run skipped: another run holds its lock', { job, instance: this.instance });
    } else {
      logger.debug('job not due: it ran less than a period ago', { job, instance: this.instance });
    }
    return { job, runId: null, outcome, itemsSucceeded: 0, itemsFailed: 0, durationMs: 0, error: null };
  }

  /** Takes the lock, closes runs of dead runners, checks the schedule and records the new run. */
  private async begin(job: JobDefinition<unknown>, trigger: RunTrigger): Promise<Lease | 'skipped' | 'not_due'> {
    this.busy.add(job.name);
    try {
      const lock = await tryLock(this.dataSource, job.name);
      if (!lock) {
        this.busy.delete(job.name);
        return 'skipped';
      }
      try {
        const startedAt = this.now();
        for (const orphan of await runLog.abandonOrphans(lock.runner, job.name, new Date(startedAt))) {
          jobsMetrics.inc('jobs_runs_total', { job_name: job.name, outcome: 'abandoned' });
          logger.warn('job run marked abandoned: its runner died before finishing', {
            job: job.name,
            runId: orphan.id,
            runInstance: orphan.instance,
          });
        }
        if (
          trigger === 'schedule' &&
          !isDue(await runLog.lastStartedAt(lock.runner, job.name), job.everyMs, startedAt)
        ) {
          await lock.release();
          this.busy.delete(job.name);
          return 'not_due';
        }
        const runId = uuidv7();
        const total = await this.countPending(job);
        await runLog.insert(lock.runner, {
          id: runId,
          job: job.name,
          instance: this.instance,
          trigger,
          startedAt: new Date(startedAt),
          total,
        });
        return { lock, runId, trigger, startedAt, total };
      } catch (error) {
        await lock.release().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      this.busy.delete(job.name);
      throw error;
    }
  }

  private execute(job: JobDefinition<unknown>, lease: Lease): Promise<JobRunResult> {
    const ids = { correlationId: lease.runId, runId: lease.runId, job: job.name };
    const run = RequestContext.run(ids, () => this.process(job, lease)).finally(() => {
      this.busy.delete(job.name);
      this.inFlight.delete(run);
    });
    this.inFlight.add(run);
    return run;
  }

  /** The batches of one run, under its lease; never rejects: the outcome is in the result and the row. */
  private async process(job: JobDefinition<unknown>, lease: Lease): Promise<JobRunResult> {
    const { lock, runId } = lease;
    const log = getLogger(`job:${job.name}`);
    const signal = this.stopping.signal;
    logger.info('job started', { job: job.name, trigger: lease.trigger, instance: this.instance, total: lease.total });

    let succeeded = 0;
    let failed = 0;
    let status: RunStatus = 'succeeded';
    let error: string | null = null;
    try {
      let after: unknown;
      for (;;) {
        if (signal.aborted) throw new Error('interrupted');
        const result = await job.batch({ runId, after, limit: job.batchSize ?? DEFAULT_BATCH_SIZE, signal, log });
        checkBatchResult(job.name, result);
        succeeded += result.succeeded;
        failed += result.failed;
        if (result.succeeded)
          jobsMetrics.inc('jobs_items_total', { job_name: job.name, outcome: 'succeeded' }, result.succeeded);
        if (result.failed)
          jobsMetrics.inc('jobs_items_total', { job_name: job.name, outcome: 'failed' }, result.failed);
        // On the lock's connection: if the lock was lost with it, this throws and the run stops.
        await runLog.progress(lock.runner, runId, succeeded, failed);
        if (result.next === undefined) break;
        if (sameCursor(after, result.next)) {
          throw new Error(`batch returned the cursor it was given (${JSON.stringify(after)}); the run would never end`);
        }
        after = result.next;
      }
    } catch (cause) {
      status = signal.aborted ? 'abandoned' : 'failed';
      error = signal.aborted ? 'interrupted: the service stopped during the run' : shortError(cause);
    }

    const finishedAt = this.now();
    const durationMs = finishedAt - lease.startedAt;
    try {
      await runLog.finish(lock.runner, runId, {
        status,
        at: new Date(finishedAt),
        succeeded,
        failed,
        error,
        durationMs,
      });
      await runLog.prune(lock.runner, job.name, new Date(finishedAt - this.runRetentionMs));
    } catch (cause) {
      logger.error('job run could not be recorded; the next run will mark it abandoned', {
        job: job.name,
        outcome: status,
        error: cause,
      });
    } finally {
      await lock.release().catch(() => undefined);
    }

    jobsMetrics.inc('jobs_runs_total', { job_name: job.name, outcome: status });
    jobsMetrics.observe('jobs_run_duration_seconds', { job_name: job.name }, durationMs / 1000);
    if (status === 'succeeded') {
      jobsMetrics.set('jobs_last_success_timestamp_seconds', { job_name: job.name }, finishedAt / 1000);
      jobsMetrics.set('jobs_stale', { job_name: job.name }, 0);
    }
    const remaining = status === 'abandoned' ? null : await this.countPending(job);
    const summary = {
      job: job.name,
      outcome: status,
      trigger: lease.trigger,
      total: lease.total,
      succeeded,
      failed,
      pending: remaining,
      durationMs,
      nextRunAt: new Date(nextDueAt(new Date(lease.startedAt), job.everyMs, finishedAt)).toISOString(),
      ...(error ? { error } : {}),
    };
    if (status === 'succeeded') logger.info('job finished', summary);
    else if (status === 'failed') logger.error('job failed', summary);
    else logger.warn('job abandoned', summary);
    return { job: job.name, runId, outcome: status, itemsSucceeded: succeeded, itemsFailed: failed, durationMs, error };
  }

  private async countPending(job: JobDefinition<unknown>): Promise<number | null> {
    if (!job.pending) return null;
    try {
      const pending = await job.pending();
      jobsMetrics.set('jobs_items_pending', { job_name: job.name }, pending);
      return pending;
    } catch (error) {
      logger.warn('job could not count its pending items', { job: job.name, error });
      return null;
    }
  }

  /** Sets the job's timer for its next due time (latest start on any instance + period), with jitter. */
  private async scheduleNext(job: JobDefinition<unknown>): Promise<void> {
    let dueAt: number;
    try {
      dueAt = nextDueAt(await runLog.lastStartedAt(this.dataSource, job.name), job.everyMs, this.now());
    } catch (error) {
      logger.warn('job schedule could not read the run log; trying again later', { job: job.name, error });
      dueAt = this.now() + Math.min(job.everyMs, 60_000);
    }
    if (this.state !== 'started') return;
    const delay = Math.max(0, dueAt - this.now()) + jitterMs(job.everyMs);
    this.nextRuns.set(job.name, this.now() + delay);
    const timer = setTimeout(() => void this.onTimer(job), Math.min(delay, MAX_TIMER_MS));
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async onTimer(job: JobDefinition<unknown>): Promise<void> {
    if (this.state !== 'started') return;
    try {
      await this.tick(job.name);
    } catch (error) {
      logger.error('job tick failed', { job: job.name, error });
    }
    if (this.state === 'started') await this.scheduleNext(job);
  }

  private async refreshStatus(): Promise<void> {
    try {
      await this.status({ pending: false });
    } catch (error) {
      logger.warn('job status could not be refreshed', { error });
    }
  }
}
