import type { IncomingHttpHeaders } from 'node:http';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { newRequestId, RequestContext } from '@platform/logging';

// Ids taken from headers are echoed into the response and the logs: only short, plain tokens pass.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

function header(headers: IncomingHttpHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The correlation id of the request: the request context's (set by the logging middleware),
 * else a safe `X-Correlation-ID` / `X-Request-ID` header, else a new one, so that the client
 * always has an id to quote that the error's log line carries too.
 */
export function correlationIdOf(headers: IncomingHttpHeaders | undefined): string {
  const fromContext = RequestContext.get('correlationId');
  if (fromContext) return fromContext;
  const fromHeader = header(headers, 'x-correlation-id') ?? header(headers, 'x-request-id');
  return fromHeader && SAFE_ID.test(fromHeader) ? fromHeader : newRequestId();
}

/** The trace id of the active span, else of the incoming `traceparent` (same trace, no SDK running). */
export function traceIdOf(headers: IncomingHttpHeaders | undefined): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) return span.traceId;
  const traceId = TRACEPARENT.exec(header(headers, 'traceparent') ?? '')?.[1];
  return traceId && !/^0+$/.test(traceId) ? traceId : undefined;
}
