import { DependencyError, type DependencyErrorOptions } from './dependency-error.js';
import { ErrorCode } from './error-codes.js';

/** A dependency did not answer within its time limit: 504 Gateway Timeout. */
export class UpstreamTimeoutError extends DependencyError {
  readonly code = ErrorCode.UPSTREAM_TIMEOUT;
  readonly status = 504;
  readonly publicDetail = 'A service this request depends on did not answer in time.';

  constructor(
    dependency: string,
    readonly timeoutMs: number,
    options?: DependencyErrorOptions,
  ) {
    super(dependency, `${dependency} did not answer within ${timeoutMs} ms`, options);
  }
}
