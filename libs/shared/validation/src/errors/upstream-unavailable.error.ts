import { DependencyError, type DependencyErrorOptions } from './dependency-error.js';
import { ErrorCode } from './error-codes.js';

/** Options of an unavailable dependency. */
export interface UpstreamUnavailableOptions extends DependencyErrorOptions {
  /**
   * What this service answers: 503 when the dependency could not be reached or said it is
   * overloaded (503, 429), 502 when it answered with an error of its own (500, 502...).
   */
  status?: 502 | 503;
  /** The status the dependency answered with, if it answered. */
  upstreamStatus?: number;
}

/** A dependency could not be reached or kept failing after the retries: 502 or 503. */
export class UpstreamUnavailableError extends DependencyError {
  readonly code = ErrorCode.UPSTREAM_UNAVAILABLE;
  readonly status: 502 | 503;
  readonly upstreamStatus?: number;
  readonly publicDetail = 'A service this request depends on is unavailable; try again later.';

  constructor(dependency: string, message: string, options: UpstreamUnavailableOptions = {}) {
    super(dependency, message, options);
    this.status = options.status ?? 503;
    this.upstreamStatus = options.upstreamStatus;
  }
}
