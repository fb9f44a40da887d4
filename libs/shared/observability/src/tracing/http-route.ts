import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';

/** What `recordHttpRoute` needs of a Fastify request: the matched route's template. */
export interface RoutedRequest {
  routeOptions?: { url?: string };
}

/**
 * A Fastify `onRequest` hook that gives the HTTP server span its route template: the span is named
 * `GET /invoices/:id` and carries `http.route`, instead of a bare `GET` for every request (the
 * http instrumentation cannot see Fastify's router). Unmatched requests (404) keep the bare name,
 * so span names stay a bounded set. Register it once:
 * `app.getHttpAdapter().getInstance().addHook('onRequest', recordHttpRoute)`.
 */
export function recordHttpRoute(request: RoutedRequest, _reply: unknown, done: () => void): void {
  const route = request.routeOptions?.url;
  // The http instrumentation reads this shared record when the response finishes.
  const metadata = getRPCMetadata(context.active());
  if (route && metadata?.type === RPCType.HTTP) metadata.route = route;
  done();
}
