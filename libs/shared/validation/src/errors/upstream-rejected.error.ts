import { DependencyError, type DependencyErrorOptions } from './dependency-error.js';
import { ErrorCode } from './error-codes.js';

/**
 * A dependency refused the request with a 4xx status. The caller usually catches it and maps
 * it (a 404 upstream may be a 404 here); left unhandled it is this service's fault: 502.
 */
export class UpstreamRejectedError extends DependencyError {
  readonly code = ErrorCode.UPSTREAM_REJECTED;
  readonly status = 502;
  readonly publicDetail = 'A service this request depends on rejected the request.';

  constructor(
    dependency: string,
    /** The 4xx status the dependency answered. */
    readonly upstreamStatus: number,
    /** The parsed body of the answer (often Problem Details of its own), for the caller to inspect. */
    readonly body?: unknown,
    options?: DependencyErrorOptions,
  ) {
    super(dependency, `${dependency} rejected the request with ${upstreamStatus}`, options);
  }
}
