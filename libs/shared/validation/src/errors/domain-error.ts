// This file imports nothing on purpose: the domain layer of a service extends DomainError
// without depending on Nest, TypeORM or HTTP.

/** What kind of rule a domain error breaks; the HTTP adapter turns each kind into a status. */
export type DomainErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'business_rule'
  | 'rate_limited'
  /** The change named no version to apply to (HTTP: a missing If-Match, 428). */
  | 'precondition_required'
  /** The version the change was based on is no longer current (HTTP: a stale If-Match, 412). */
  | 'precondition_failed';

/** Options of a domain error besides its code, kind and message. */
export interface DomainErrorOptions {
  /** Facts for the logs (ids, amounts); never sent to the client. */
  details?: Record<string, unknown>;
  /** True when the same request may succeed if simply sent again (a lost race, a lock). */
  retryable?: boolean;
  /** A short summary of the problem type for the client; defaults to the kind's title. */
  title?: string;
  /** When the client may try again, in seconds (rate limits); becomes the `Retry-After` header. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A coded error of the domain: `code` is stable and part of the API (`USER.ALREADY_EXISTS`),
 * `message` is written for the client, `kind` decides the status.
 */
export class DomainError extends Error {
  readonly details?: Record<string, unknown>;
  readonly retryable: boolean;
  readonly title?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details;
    this.retryable = options.retryable ?? false;
    this.title = options.title;
    if (options.retryAfterSeconds !== undefined)
      this.retryAfterSeconds = Math.max(1, Math.ceil(options.retryAfterSeconds));
  }
}
