import { DependencyError, DomainError, UpstreamTimeoutError, UpstreamUnavailableError } from '@platform/validation';

/** Socket and DNS failures that say nothing about the request itself (Node and undici codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * PostgreSQL SQLSTATEs worth a new attempt: serialization failure, deadlock, the server shutting
 * down or refusing connections, too many connections; class 08 (connection exceptions) too.
 * Retry whole transactions on these, never single statements of a failed transaction.
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300']);

/** HTTP statuses worth a new attempt: 429 and the 5xx that may pass (not 501, 505). */
export function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

function isTransientSqlState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code) && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08'));
}

/**
 * True when an error is likely to pass if the same operation is simply tried again: network
 * failures, timeouts, HTTP 429/5xx, PostgreSQL lost races and lost connections. Causes are
 * followed (`fetch` hides the socket error in `cause`, TypeORM the driver error in `driverError`).
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof UpstreamTimeoutError || error instanceof UpstreamUnavailableError) return true;
  // An open circuit, a full bulkhead, an invalid body or a 4xx will not pass on a second try,
  // and a domain error is an answer, not a failure.
  if (error instanceof DependencyError || error instanceof DomainError) return false;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { name, code, status, statusCode, driverError, cause } = current as Record<string, unknown>;
    if (name === 'AbortError') return false; // the caller gave up
    if (name === 'TimeoutError') return true;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || isTransientSqlState(code))) return true;
    const httpStatus = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
    if (httpStatus !== undefined) return isTransientStatus(httpStatus);
    current = driverError ?? cause;
  }
  return false;
}
