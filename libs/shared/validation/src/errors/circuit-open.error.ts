import { DependencyError } from './dependency-error.js';
import { ErrorCode } from './error-codes.js';

/** The circuit breaker of a dependency is open and fails fast: 503 with `Retry-After`. */
export class CircuitOpenError extends DependencyError {
  readonly code = ErrorCode.UPSTREAM_CIRCUIT_OPEN;
  readonly status = 503;
  readonly publicDetail = 'A service this request depends on is unavailable; try again later.';
  declare readonly retryAfterSeconds: number;

  constructor(dependency: string, retryAfterSeconds: number) {
    super(dependency, `circuit breaker ${dependency} is open`, { retryAfterSeconds: Math.max(1, retryAfterSeconds) });
  }
}
