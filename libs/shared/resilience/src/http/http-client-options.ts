import type { ClassConstructor } from 'class-transformer';
import type { AccessTokenProvider } from '../auth/access-token-provider.js';
import type { CircuitBreakerOptions } from '../breaker/circuit-breaker-options.js';
import type { RetryOptions } from '../retry/retry.js';

/** How a client talks to one upstream. */
export interface HttpClientOptions {
  /** The upstream's name (`payments-api`): names its breaker, its metric series and its spans. Keep it bounded. */
  upstream: string;
  /** `https://payments.internal:8443/v1`; request paths are appended to it. */
  baseUrl: string;
  /** Time limit of each attempt. Default 5 000 ms. */
  timeoutMs?: number;
  /** Retries of idempotent requests; `false` for none. Default: 3 attempts, 100 ms base, 2 000 ms max delay. */
  retry?: Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'budgetMs' | 'random'> | false;
  /** The upstream's breaker, made on first use. Its time limit is `timeoutMs`. */
  breaker?: Omit<CircuitBreakerOptions, 'timeoutMs'>;
  /** Headers of every request (`accept` is JSON unless set here). */
  headers?: Record<string, string>;
  /** Adds `Authorization: Bearer`; a 401 refreshes the token and tries once more. */
  auth?: AccessTokenProvider;
}

/** Options of one request. */
export interface HttpRequestOptions<T = unknown> {
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON, unless a string or URLSearchParams (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
  /** The class the response body must satisfy; the result is an instance of it. */
  response?: ClassConstructor<T>;
  /** A low-cardinality route (`/invoices/{id}`) naming the span instead of the bare method. */
  route?: string;
  /** Overrides the client's time limit per attempt. */
  timeoutMs?: number;
  /** The caller's signal: aborting it stops the request and its retries. */
  signal?: AbortSignal;
  /** Sets `Idempotency-Key`, which makes a POST or PATCH retryable. */
  idempotencyKey?: string;
  /** Forces retries on or off, e.g. on for a POST known to be safe (an OAuth token request). */
  idempotent?: boolean;
  /**
   * Returns a 4xx answer (429 included) as a result with its status, headers and parsed body
   * instead of throwing, for a proxy that passes the upstream's answer on (the gateway). It is
   * neither retried nor counted by the breaker; 5xx and missing answers still throw.
   */
  passClientErrors?: boolean;
}

/** A decoded answer, for callers that need status and headers besides the body. */
export interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: T;
}
