import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PEER_PORT,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isProbeRequest } from '../sdk/untraced-requests.js';

/** Instrumentation scope of the HTTP server spans. */
export const HTTP_SERVER_TRACER_NAME = '@platform/observability/http-server';

/** The open server span of each request in flight. */
const spans = new WeakMap<FastifyRequest, Span>();
const installedOn = new WeakSet<FastifyInstance>();

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
]);
/** Query parameters whose values are signatures and keys (same list as the http instrumentation). */
const REDACTED_QUERY_PARAMS = ['sig', 'Signature', 'AWSAccessKeyId', 'X-Goog-Signature'];

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `host[:port]` (or `[v6]:port`) split into its parts; the port is left out when absent or not a number. */
function hostAndPort(header: string): { host: string; port?: number } {
  let host = header;
  let port: string | undefined;
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    if (end > 0) {
      host = header.slice(1, end);
      if (header[end + 1] === ':') port = header.slice(end + 2);
    }
  } else {
    const colon = header.lastIndexOf(':');
    // More than one colon without brackets: a bare IPv6 address, no port.
    if (colon > 0 && header.indexOf(':') === colon) {
      host = header.slice(0, colon);
      port = header.slice(colon + 1);
    }
  }
  const number = port ? Number(port) : NaN;
  return Number.isInteger(number) ? { host, port: number } : { host };
}

// A service is reached under a handful of host names: the parse of the last one is kept, since
// the header is the same on nearly every request.
let lastHostHeader: string | undefined;
let lastHostAndPort: { host: string; port?: number } = { host: '' };

function serverHostAndPort(header: string): { host: string; port?: number } {
  if (header !== lastHostHeader) {
    lastHostAndPort = hostAndPort(header);
    lastHostHeader = header;
  }
  return lastHostAndPort;
}

/** The first value of `name=` in a `Forwarded` header (RFC 7239), quotes removed. */
function forwardedValue(header: string, name: 'for' | 'host' | 'proto'): string | undefined {
  const match = new RegExp(`(?:^|[;,\\s])${name}=("[^"]*"|[^;,\\s]*)`, 'i').exec(header);
  return match?.[1]?.replace(/^"|"$/g, '') || undefined;
}

/** The address without a port (`1.2.3.4:5678`, `[::1]:80` → `1.2.3.4`, `::1`). */
function withoutPort(address: string): string {
  return hostAndPort(address).host;
}

function redactQuery(query: string): string {
  if (!REDACTED_QUERY_PARAMS.some((name) => query.includes(`${name}=`))) return query;
  const params = new URLSearchParams(query);
  for (const name of REDACTED_QUERY_PARAMS) if (params.has(name)) params.set(name, 'REDACTED');
  return params.toString();
}

/**
 * The stable HTTP semantic-convention attributes of an incoming request (those the http
 * instrumentation used to set): method, scheme, path, query (signatures redacted), route, server
 * and client addresses (from Forwarded / X-Forwarded-* when a proxy set them), peer, protocol and
 * user agent.
 */
export function serverRequestAttributes(request: FastifyRequest, route: string | undefined): Attributes {
  const raw = request.raw;
  const headers = raw.headers;
  const method = raw.method ?? 'GET';
  const upper = method.toUpperCase();
  const normalized = KNOWN_METHODS.has(upper) ? upper : '_OTHER';
  const scheme = (raw.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http';
  const url = raw.url ?? '/';
  const queryAt = url.indexOf('?');
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: normalized,
    [ATTR_URL_SCHEME]: scheme,
    [ATTR_URL_PATH]: queryAt === -1 ? url : url.slice(0, queryAt),
    [ATTR_NETWORK_PROTOCOL_VERSION]: raw.httpVersion,
    [ATTR_NETWORK_PEER_ADDRESS]: raw.socket?.remoteAddress,
    [ATTR_NETWORK_PEER_PORT]: raw.socket?.remotePort,
  };
  if (queryAt !== -1 && queryAt < url.length - 1) attributes[ATTR_URL_QUERY] = redactQuery(url.slice(queryAt + 1));
  if (route) attributes[ATTR_HTTP_ROUTE] = route;
  if (method !== normalized) attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL] = method;
  const userAgent = headers['user-agent'];
  if (userAgent) attributes[ATTR_USER_AGENT_ORIGINAL] = userAgent;

  const forwarded = first(headers['forwarded']);
  const serverHost =
    (forwarded && forwardedValue(forwarded, 'host')) || first(headers['x-forwarded-host']) || headers.host;
  if (serverHost) {
    const { host, port } = serverHostAndPort(serverHost);
    attributes[ATTR_SERVER_ADDRESS] = host;
    if (port !== undefined) attributes[ATTR_SERVER_PORT] = port;
  }
  const forwardedFor = forwarded && forwardedValue(forwarded, 'for');
  const xForwardedFor = first(headers['x-forwarded-for'])?.split(',')[0]?.trim();
  const client = forwardedFor || xForwardedFor;
  const clientAddress = client ? withoutPort(client) : raw.socket?.remoteAddress;
  if (clientAddress) attributes[ATTR_CLIENT_ADDRESS] = clientAddress;
  return attributes;
}

/**
 * The API's proxy tracer: taken once (looking it up per request cost more than the span's ids),
 * and still the SDK's tracer when telemetry starts after this module loaded, since the proxy
 * finds its delegate on first use.
 */
const tracer = trace.getTracer(HTTP_SERVER_TRACER_NAME);

/** Starts the server span of `request`, continuing the trace of its `traceparent` if it has one. */
function startServerSpan(request: FastifyRequest, startTime?: number): { span: Span; parent: Context } {
  const route = request.is404 ? undefined : request.routeOptions.url;
  const method = request.raw.method ?? 'GET';
  const parent = propagation.extract(ROOT_CONTEXT, request.raw.headers);
  const span = tracer.startSpan(
    // Unmatched requests (404) get the bare method, so span names stay a bounded set.
    route ? `${method} ${route}` : method,
    { kind: SpanKind.SERVER, attributes: serverRequestAttributes(request, route), startTime },
    parent,
  );
  spans.set(request, span);
  return { span, parent };
}

/** The response header naming the request's trace (W3C Trace Context Level 2, `traceresponse`). */
export const TRACE_RESPONSE_HEADER = 'traceresponse';

/**
 * Tells the caller which trace its request joined: `traceresponse: 00-<trace-id>-<span-id>-<flags>`
 * (W3C Trace Context Level 2), so a client, a test or an SRE can look the trace up in Jaeger
 * (`npm run trace -- <trace-id>`) for any answer, not only for a Problem Details error's `traceId`.
 * Unsampled and invalid spans send nothing: there is no trace to find.
 */
function setTraceResponse(reply: FastifyReply, span: Span): void {
  const spanContext = span.spanContext();
  const { traceId, spanId, traceFlags } = spanContext;
  // The flag first: it is one bit test, the validity two regular expressions.
  if ((traceFlags & TraceFlags.SAMPLED) === 0 || !isSpanContextValid(spanContext)) return;
  const flags = traceFlags === TraceFlags.SAMPLED ? '01' : traceFlags.toString(16).padStart(2, '0');
  reply.header(TRACE_RESPONSE_HEADER, `00-${traceId}-${spanId}-${flags}`);
}

function endServerSpan(span: Span, statusCode: number): void {
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
  // Server spans: 5xx is an error of ours, 4xx the client's (left unset), per the HTTP conventions.
  if (statusCode >= 500) {
    span.setAttribute(ATTR_ERROR_TYPE, String(statusCode));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

/**
 * Traces the requests of a Fastify instance (Nest: `adapter.getInstance()`): one SERVER span per
 * request, named `GET /invoices/:id` after the matched route's template (unmatched requests get
 * the bare method), with the stable HTTP semantic-convention attributes, continuing the trace of
 * an incoming `traceparent`, ended when the response is finished (5xx: error status) or the client
 * aborts. Scrapes and probes (`/metrics`, `/health`) get no span and run untraced.
 *
 * The span is the active context from the `onRequest` hook on: call this before
 * `installHttpLogging` and before `NestFactory.create`, so that the logging library's request
 * scope, which its later hooks re-enter, and everything Nest runs (middleware, guards,
 * interceptors, handler, exception filters, and the work they start) are inside it. It replaces
 * the incoming-request half of the http instrumentation, which is switched off: that one wrapped
 * every listener of every request and response, and could not see Fastify's routes.
 * Calling it twice does nothing more.
 */
export function installHttpServerTracing(fastify: FastifyInstance): void {
  if (installedOn.has(fastify)) return;
  installedOn.add(fastify);

  fastify.addHook('onRequest', (request, reply, done) => {
    if (isProbeRequest(request.raw)) {
      context.with(suppressTracing(context.active()), done);
      return;
    }
    const { span, parent } = startServerSpan(request);
    setTraceResponse(reply, span);
    context.with(trace.setSpan(parent, span), done);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    let span = spans.get(request);
    if (span) {
      spans.delete(request);
    } else if (!isProbeRequest(request.raw)) {
      // A hook that ran before ours answered (a CORS preflight, Nest's 503): the request still
      // gets its span, back-dated to when Fastify received it.
      span = startServerSpan(request, Date.now() - reply.elapsedTime).span;
      spans.delete(request);
    }
    if (span) endServerSpan(span, reply.statusCode);
    done();
  });

  fastify.addHook('onRequestAbort', (request, done) => {
    const span = spans.get(request);
    if (span) {
      spans.delete(request);
      // The client went away before the response: not an error of the server's, but worth seeing.
      span.addEvent('request aborted by the client');
      span.end();
    }
    done();
  });
}
