import { DomainError, UpstreamRejectedError } from '@platform/validation';

/** How a circuit breaker judges its dependency. Every option has a default. */
export interface CircuitBreakerOptions {
  /** Time limit of each call; its signal is aborted then. `false` for none. Default 10 000 ms. */
  timeoutMs?: number | false;
  /** How long the circuit stays open before one trial call (half-open). Default 30 000 ms. */
  resetTimeoutMs?: number;
  /** Failure percentage in the rolling window above which the circuit opens. Default 50. */
  errorThresholdPercentage?: number;
  /** Calls in the rolling window before the percentage is trusted. Default 5. */
  volumeThreshold?: number;
  /** Length of the rolling window. Default 10 000 ms. */
  rollingWindowMs?: number;
  /** Buckets the window is divided into. Default 10. */
  rollingBuckets?: number;
  /** Bulkhead: concurrent calls allowed; more are rejected with BulkheadFullError. Default 100. */
  maxConcurrent?: number;
  /** Which errors count against the dependency. Default: `countsAsFailure`. */
  isFailure?: (error: unknown) => boolean;
}

/** The options with their defaults filled in. */
export type ResolvedBreakerOptions = Required<CircuitBreakerOptions>;

/**
 * An error counts against the dependency unless the dependency did its job: a domain error or
 * a 4xx is an answer, and a call the caller aborted says nothing about the dependency.
 */
export function countsAsFailure(error: unknown): boolean {
  if (error instanceof DomainError || error instanceof UpstreamRejectedError) return false;
  return !(error instanceof Error && error.name === 'AbortError');
}

/** The options with every default filled in, in one place. */
export function resolveBreakerOptions(options: CircuitBreakerOptions = {}): ResolvedBreakerOptions {
  return {
    timeoutMs: options.timeoutMs ?? 10_000,
    resetTimeoutMs: options.resetTimeoutMs ?? 30_000,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    volumeThreshold: options.volumeThreshold ?? 5,
    rollingWindowMs: options.rollingWindowMs ?? 10_000,
    rollingBuckets: options.rollingBuckets ?? 10,
    maxConcurrent: options.maxConcurrent ?? 100,
    isFailure: options.isFailure ?? countsAsFailure,
  };
}
