import { HttpException, type ArgumentsHost } from '@nestjs/common';
import * as Sentry from '@sentry/node';
import { currentTraceIds } from '../tracing/current-trace.js';
import { errorTags } from './error-tags.js';

/**
 * Reports an error that was handled but should not have happened (a failed background job, a 5xx)
 * with the trace and correlation ids in scope; secrets are scrubbed before sending. Returns the
 * Sentry event id, or undefined when error tracking is off. Never throws.
 */
export function reportError(error: unknown, extra?: Record<string, unknown>): string | undefined {
  if (!Sentry.isEnabled()) return undefined;
  const ids = currentTraceIds();
  return Sentry.captureException(error, {
    tags: errorTags(),
    extra,
    // Sentry's own trace context would be a random one; this makes "trace" in Sentry link to ours.
    contexts: ids ? { trace: { trace_id: ids.traceId, span_id: ids.spanId } } : undefined,
  });
}

/** Minimal view of a Fastify request, enough to say which route failed. */
interface RequestLike {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

/**
 * For a global exception filter's `catch(exception, host)`: reports the exception when it is a
 * server error (any non-HttpException, or an HttpException with status >= 500) and says which
 * route failed. Client errors (4xx) are the caller's problem and are not reported.
 */
export function reportUnhandledException(exception: unknown, host: ArgumentsHost): string | undefined {
  const status = exception instanceof HttpException ? exception.getStatus() : 500;
  if (status < 500) return undefined;
  const extra: Record<string, unknown> = { status, contextType: host.getType() };
  if (host.getType() === 'http') {
    const request = host.switchToHttp().getRequest<RequestLike>();
    extra['method'] = request.method;
    // The route template (/invoices/:id), not the raw URL, which may carry ids and query secrets.
    extra['route'] = request.routeOptions?.url;
  }
  return reportError(exception, extra);
}
