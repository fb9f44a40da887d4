import { DependencyError } from './dependency-error.js';
import { ErrorCode } from './error-codes.js';

/** Too many calls to one dependency are in flight already: 503, try again in a second. */
export class BulkheadFullError extends DependencyError {
  readonly code = ErrorCode.BULKHEAD_FULL;
  readonly status = 503;
  readonly publicDetail = 'The service is busy; try again shortly.';

  constructor(
    dependency: string,
    /** The limit of concurrent calls that was reached. */
    readonly limit: number,
  ) {
    super(dependency, `${dependency} already has ${limit} calls in flight`, { retryAfterSeconds: 1 });
  }
}
