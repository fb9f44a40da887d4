// Like domain-error.ts, this file family imports nothing from Nest: the resilience library throws
// these errors from HTTP clients, database calls and Kafka consumers alike.

/** Options shared by the errors of a failed dependency. */
export interface DependencyErrorOptions {
  cause?: unknown;
  /** When the caller may try again, in seconds; becomes the `Retry-After` header. */
  retryAfterSeconds?: number;
}

/**
 * A call to something this service depends on (another service, a third party, the database)
 * failed. `status` is what this service answers its own client; `message` is for the logs,
 * `publicDetail` for the client.
 */
export abstract class DependencyError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** A client-safe sentence: it names no host, URL or internal detail. */
  abstract readonly publicDetail: string;
  readonly retryAfterSeconds?: number;

  constructor(
    /** The upstream or breaker name (`payments-api`), bounded: safe as a metric label. */
    readonly dependency: string,
    message: string,
    options: DependencyErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.retryAfterSeconds !== undefined)
      this.retryAfterSeconds = Math.max(0, Math.ceil(options.retryAfterSeconds));
  }
}
