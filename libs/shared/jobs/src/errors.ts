/** Stable codes of what the jobs library refuses; a service maps them to HTTP (404, 409, 503). */
export const JOBS_ERROR_CODES = {
  /** A job definition or runner option that cannot work (name, intervals, batch size, duplicates). */
  invalidDefinition: 'JOBS.INVALID_DEFINITION',
  /** No job of that name is registered with the runner (→ 404). */
  unknownJob: 'JOBS.UNKNOWN_JOB',
  /** The job is running now, on this instance or another one (→ 409). */
  alreadyRunning: 'JOBS.ALREADY_RUNNING',
  /** The runner is stopping or stopped and starts no run (→ 503). */
  runnerStopped: 'JOBS.RUNNER_STOPPED',
} as const;

/** One of {@link JOBS_ERROR_CODES}. */
export type JobsErrorCode = (typeof JOBS_ERROR_CODES)[keyof typeof JOBS_ERROR_CODES];

/** An error of the jobs library, with a stable `code`. */
export class JobsError extends Error {
  override readonly name = 'JobsError';

  constructor(
    readonly code: JobsErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
