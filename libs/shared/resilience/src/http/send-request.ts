import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { UpstreamRejectedError, UpstreamUnavailableError } from '@platform/validation';
import { isTransientError } from '../retry/transient-errors.js';
import { withPropagation } from './outgoing-headers.js';
import { recordOutgoingRequest } from './outgoing-metrics.js';
import type { PreparedRequest } from './prepare-request.js';
import { statusError } from './status-errors.js';

/** A successful answer, before decoding. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

const tracer = trace.getTracer('@platform/resilience');

/** fetch's failure to get an answer at all, as opposed to a programming error (a bad header, a bad URL). */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && (error.message === 'fetch failed' || isTransientError(error));
}

/** An error made from an answer: the upstream answered, with a failing status. */
function isStatusError(error: unknown): boolean {
  return (
    error instanceof UpstreamRejectedError ||
    (error instanceof UpstreamUnavailableError && error.upstreamStatus !== undefined)
  );
}

/** The typed error of a request that got no answer. */
function typedFailure(upstream: string, error: unknown, signal: AbortSignal): unknown {
  // Our timeout aborts with UpstreamTimeoutError; the caller's abort keeps its own reason.
  if (signal.aborted) return signal.reason ?? error;
  if (isNetworkFailure(error)) {
    // fetch rejects with a bare TypeError("fetch failed"); the socket error is its cause.
    return new UpstreamUnavailableError(upstream, `${upstream} could not be reached`, { cause: error });
  }
  return error;
}

function recordFailure(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * One physical request, in a CLIENT span of its own (one per attempt, as the OpenTelemetry HTTP
 * conventions ask), carrying the trace context and correlation id, measured once. A non-2xx
 * answer and a missing answer both throw typed errors.
 */
export function sendRequest(
  upstream: string,
  prepared: PreparedRequest,
  attempt: number,
  signal: AbortSignal,
): Promise<RawAnswer> {
  const { method, url } = prepared;
  const attributes = {
    'http.request.method': method,
    'server.address': url.hostname,
    'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    'url.full': `${url.origin}${url.pathname}`,
    'peer.service': upstream,
    ...(prepared.route ? { 'url.template': prepared.route } : {}),
    ...(attempt > 1 ? { 'http.request.resend_count': attempt - 1 } : {}),
  };
  return tracer.startActiveSpan(prepared.spanName, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    const started = performance.now();
    let status: number | 'error' = 'error';
    try {
      const response = await fetch(url, {
        method,
        headers: withPropagation(prepared.headers),
        body: prepared.body,
        signal,
      });
      status = response.status;
      // Reading the body is part of the call: a body that trickles in is as slow as no answer.
      const text = await response.text();
      span.setAttribute('http.response.status_code', status);
      const passed = prepared.passClientErrors === true && status >= 400 && status < 500;
      if (!response.ok && !passed) {
        span.setAttribute('error.type', String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw statusError(upstream, method, response, text);
      }
      return { status, headers: response.headers, text };
    } catch (error) {
      if (isStatusError(error)) throw error;
      status = 'error';
      const typed = typedFailure(upstream, error, signal);
      recordFailure(span, typed);
      throw typed;
    } finally {
      recordOutgoingRequest(upstream, method, status, (performance.now() - started) / 1000);
      span.end();
    }
  });
}
