import { UpstreamRejectedError } from '@platform/validation';
import { circuitBreaker } from '../breaker/breaker-registry.js';
import type { CircuitBreaker } from '../breaker/circuit-breaker.js';
import { retry } from '../retry/retry.js';
import { decodeBody } from './decode-body.js';
import type { HttpClientOptions, HttpRequestOptions, HttpResult } from './http-client-options.js';
import { mayRetry } from './idempotency.js';
import { prepareRequest, type PreparedRequest } from './prepare-request.js';
import { sendRequest, type RawAnswer } from './send-request.js';

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_RETRY = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

/**
 * The base of every client of another service or third party. Each attempt runs through the
 * upstream's circuit breaker with a time limit, in a CLIENT span, with `traceparent` and
 * `x-correlation-id`, and is measured. Idempotent requests are retried on transient failures.
 * Failures are typed (UpstreamTimeoutError, CircuitOpenError, UpstreamUnavailableError,
 * InvalidUpstreamResponseError, UpstreamRejectedError), so the Problem Details filter answers
 * 502/503/504 without a line of glue in the service.
 */
export class BaseHttpClient {
  protected readonly breaker: CircuitBreaker;

  constructor(protected readonly options: HttpClientOptions) {
    this.breaker = circuitBreaker(options.upstream, {
      ...options.breaker,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }

  /** GET `path`; the body, validated against `options.response` when given. */
  get<T = unknown>(path: string, options?: HttpRequestOptions<T>): Promise<T> {
    return this.request('GET', path, options).then((result) => result.body);
  }

  /** POST `path`; retried only with an `idempotencyKey` (or `idempotent: true`). */
  post<T = unknown>(path: string, options?: HttpRequestOptions<T>): Promise<T> {
    return this.request('POST', path, options).then((result) => result.body);
  }

  /** PUT `path`. */
  put<T = unknown>(path: string, options?: HttpRequestOptions<T>): Promise<T> {
    return this.request('PUT', path, options).then((result) => result.body);
  }

  /** PATCH `path`; retried only with an `idempotencyKey` (or `idempotent: true`). */
  patch<T = unknown>(path: string, options?: HttpRequestOptions<T>): Promise<T> {
    return this.request('PATCH', path, options).then((result) => result.body);
  }

  /** DELETE `path`. */
  delete<T = unknown>(path: string, options?: HttpRequestOptions<T>): Promise<T> {
    return this.request('DELETE', path, options).then((result) => result.body);
  }

  /** Any method; status and headers besides the decoded body. */
  async request<T = unknown>(
    method: string,
    path: string,
    options: HttpRequestOptions<T> = {},
  ): Promise<HttpResult<T>> {
    const prepared = prepareRequest(method.toUpperCase(), this.options.baseUrl, path, this.options.headers, options);
    let answer: RawAnswer;
    try {
      answer = await this.sendWithRetries(prepared, options);
    } catch (error) {
      // A 401 with a cached token: the token was revoked or rotated. One fresh try, not a loop.
      if (!(error instanceof UpstreamRejectedError) || error.upstreamStatus !== 401 || !this.options.auth) throw error;
      this.options.auth.invalidate();
      answer = await this.sendWithRetries(prepared, options);
    }
    // Validated outside breaker and retries: a broken contract neither passes on a second try nor means the upstream is down.
    const body = await decodeBody(
      this.options.upstream,
      answer.headers.get('content-type'),
      answer.text,
      // A passed-on 4xx is the upstream's Problem Details, not the success body the class describes.
      answer.status < 400 ? options.response : undefined,
    );
    return { status: answer.status, headers: answer.headers, body };
  }

  private sendWithRetries(prepared: PreparedRequest, options: HttpRequestOptions<unknown>): Promise<RawAnswer> {
    const retryOptions = this.options.retry;
    const retryable = retryOptions !== false && (options.idempotent ?? mayRetry(prepared.method, prepared.headers));
    if (!retryable) return this.attempt(prepared, 1, options, options.signal);
    return retry(({ attempt, signal }) => this.attempt(prepared, attempt, options, signal), {
      ...DEFAULT_RETRY,
      ...retryOptions,
      signal: options.signal,
      operation: `${this.options.upstream} ${prepared.spanName}`,
    });
  }

  /** One attempt: a token, then the breaker, then the request. */
  private async attempt(
    prepared: PreparedRequest,
    attempt: number,
    options: HttpRequestOptions<unknown>,
    signal: AbortSignal | undefined,
  ): Promise<RawAnswer> {
    const headers = { ...prepared.headers };
    // The token is fetched outside the breaker: a failing token endpoint is not this upstream failing.
    if (this.options.auth) headers['authorization'] = `Bearer ${await this.options.auth.getToken()}`;
    return this.breaker.execute(
      (attemptSignal) => sendRequest(this.options.upstream, { ...prepared, headers }, attempt, attemptSignal),
      {
        // Per call: the breaker is shared with other clients of the upstream, which may allow more time.
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal,
      },
    );
  }
}
