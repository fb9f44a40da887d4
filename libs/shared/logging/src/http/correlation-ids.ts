import type { IncomingHttpHeaders } from 'node:http';
import { newRequestId } from './request-id.js';

/** Header carrying the id of one hop: this request, from the caller to this service. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** Header carrying the id shared by every hop of one piece of work, across services and events. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** Header giving how long this service took to produce the response, e.g. `12.345ms`. */
export const RESPONSE_TIME_HEADER = 'x-response-time';

const MAX_ID_LENGTH = 128;
// Letters, digits and `._:-` only: enough for UUIDs, ULIDs and W3C-style ids, and nothing that
// could split a header (CR, LF), a log field (spaces, quotes) or a list (commas).
const SAFE_ID = /^[A-Za-z0-9._:-]+$/;

/** True when an id that came from outside may be trusted into logs and echoed in a header. */
export function isSafeCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && SAFE_ID.test(value);
}

/** The ids of one incoming request. */
export interface RequestIds {
  requestId: string;
  correlationId: string;
}

/**
 * The ids of a request from its headers: the request id is the caller's X-Request-ID when safe,
 * else a new UUID v7; the correlation id is the caller's X-Correlation-ID when safe, else the
 * request id, so that the first hop starts the correlation. Unsafe values are dropped, not cleaned.
 */
export function requestIdsFromHeaders(headers: IncomingHttpHeaders): RequestIds {
  const incomingRequestId = headers[REQUEST_ID_HEADER];
  const incomingCorrelationId = headers[CORRELATION_ID_HEADER];
  const requestId = isSafeCorrelationId(incomingRequestId) ? incomingRequestId : newRequestId();
  const correlationId = isSafeCorrelationId(incomingCorrelationId) ? incomingCorrelationId : requestId;
  return { requestId, correlationId };
}
