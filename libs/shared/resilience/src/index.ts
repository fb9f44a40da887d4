// Retry with backoff
export { retry } from './retry/retry.js';
export type { RetryOptions, RetryAttempt } from './retry/retry.js';
export { isTransientError, isTransientStatus } from './retry/transient-errors.js';
export { fullJitterDelay } from './retry/backoff.js';
export { parseRetryAfter } from './retry/retry-after.js';

// Circuit breakers and bulkheads
export { circuitBreaker, shutdownCircuitBreakers } from './breaker/breaker-registry.js';
export type { CircuitBreaker, CircuitState, ExecuteOptions, BreakerTask } from './breaker/circuit-breaker.js';
export { countsAsFailure } from './breaker/circuit-breaker-options.js';
export type { CircuitBreakerOptions } from './breaker/circuit-breaker-options.js';

// HTTP clients
export { BaseHttpClient } from './http/base-http-client.js';
export type { HttpClientOptions, HttpRequestOptions, HttpResult } from './http/http-client-options.js';

// OAuth client credentials
export { TokenManager } from './auth/token-manager.js';
export type { TokenManagerOptions } from './auth/token-manager.js';
export type { AccessTokenProvider } from './auth/access-token-provider.js';

// SSRF: where an address leads
export { classifyAddress, isPublicAddress } from './net/address-class.js';
export type { AddressClass } from './net/address-class.js';
