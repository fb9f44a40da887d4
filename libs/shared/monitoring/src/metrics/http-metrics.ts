import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, register } from 'prom-client';

/** The route label of requests no route matched (404s), so probing random URLs adds no series. */
export const UNMATCHED_ROUTE = 'unmatched';

// The buckets OpenTelemetry recommends for http.server.request.duration, in seconds.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

// A method outside this list (a scanner's `FOO /`) becomes `OTHER`, keeping the label bounded.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

type ServerLabels = 'method' | 'route' | 'status_code';
type InFlightLabels = 'method' | 'route';

function metric<M>(name: string, make: () => M): M {
  // Reuse on re-import (tests, hot reload): prom-client refuses a second metric of the same name.
  return (register.getSingleMetric(name) as M | undefined) ?? make();
}

const requestDuration = metric(
  'http_server_request_duration_seconds',
  () =>
    new Histogram<ServerLabels>({
      name: 'http_server_request_duration_seconds',
      help: 'Duration of HTTP requests served, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS,
    }),
);

const requestsTotal = metric(
  'http_server_requests_total',
  () =>
    new Counter<ServerLabels>({
      name: 'http_server_requests_total',
      help: 'HTTP requests served, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
    }),
);

const requestsInFlight = metric(
  'http_server_requests_in_flight',
  () =>
    new Gauge<InFlightLabels>({
      name: 'http_server_requests_in_flight',
      help: 'HTTP requests being served right now, by method and route template',
      labelNames: ['method', 'route'],
    }),
);

function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

/** The route template Fastify matched (`/invoices/:id`), never the raw URL. */
function routeLabel(request: FastifyRequest): string {
  return request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
}

// The label sets of a route are the same on every request: made once per (method, route[,
// status]) and reused, instead of two fresh objects and a String(status) per request. The keys
// are bounded like the series themselves (templates, known methods, status codes); the cap is a
// guard should a route table be generated.
const MAX_CACHED_LABEL_SETS = 10_000;
const inFlightLabelSets = new Map<string, Readonly<Record<InFlightLabels, string>>>();
const serverLabelSets = new Map<string, Readonly<Record<ServerLabels, string>>>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size < MAX_CACHED_LABEL_SETS) cache.set(key, value);
  }
  return value;
}

function inFlightLabels(request: FastifyRequest): Readonly<Record<InFlightLabels, string>> {
  const method = methodLabel(request.method);
  const route = routeLabel(request);
  return cached(inFlightLabelSets, `${method} ${route}`, () => ({ method, route }));
}

function serverLabels(request: FastifyRequest, statusCode: number): Readonly<Record<ServerLabels, string>> {
  const method = methodLabel(request.method);
  const route = routeLabel(request);
  return cached(serverLabelSets, `${method} ${route} ${statusCode}`, () => ({
    method,
    route,
    status_code: String(statusCode),
  }));
}

const instrumented = new WeakSet<object>();

/**
 * Records RED metrics for every route of a Fastify instance (the one under a Nest app):
 * duration and count by method, route template and status code, and requests in flight.
 * Call before the instance starts listening; a second call on the same instance does nothing.
 */
export function installHttpMetrics(fastify: FastifyInstance): void {
  if (instrumented.has(fastify)) return;
  instrumented.add(fastify);

  // Labels a request was counted in flight under, so it leaves the gauge exactly once and under
  // the same labels, whether it ends with a response or with the client going away.
  const inFlight = new WeakMap<FastifyRequest, Readonly<Record<InFlightLabels, string>>>();
  const leave = (request: FastifyRequest): void => {
    const labels = inFlight.get(request);
    if (!labels) return;
    inFlight.delete(request);
    requestsInFlight.dec(labels);
  };

  fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const labels = inFlightLabels(request);
    inFlight.set(request, labels);
    requestsInFlight.inc(labels);
    done();
  });

  // onResponse runs for every response, even one an earlier onRequest hook sent (CORS preflight,
  // 503 while closing) before ours ran, so duration and count are taken here, not in onRequest.
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    leave(request);
    const labels = serverLabels(request, reply.statusCode);
    // Fastify's own clock: from routing to the last byte handed to the socket.
    requestDuration.observe(labels, reply.elapsedTime / 1000);
    requestsTotal.inc(labels);
    done();
  });

  // A client that disconnects before the response gets no onResponse.
  fastify.addHook('onRequestAbort', (request: FastifyRequest, done: () => void) => {
    leave(request);
    done();
  });
}
