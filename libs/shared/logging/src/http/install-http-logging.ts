import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentLoggingOptions, getLogger } from '../logger.js';
import { RequestContext } from '../request-context.js';
import { writeAccessLog, type AccessLogSettings } from './access-log.js';
import {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  requestIdsFromHeaders,
  RESPONSE_TIME_HEADER,
} from './correlation-ids.js';

/** Choices of `installHttpLogging`; the defaults come from the environment. */
export interface HttpLoggingOptions {
  /** Requests slower than this are logged at `warn`; default SLOW_REQUEST_MS (1000). */
  slowRequestMs?: number;
  /** At `debug`, request bodies are cut to this many bytes; default 2048. */
  maxBodyLogBytes?: number;
}

const DEFAULT_MAX_BODY_LOG_BYTES = 2048;

/** Per request, a handle on its context, to re-enter it from hooks that may run outside it. */
const scopes = new WeakMap<FastifyRequest, AsyncResource>();
const installedOn = new WeakSet<FastifyInstance>();

/** Opens the request's context and echoes its ids: in onRequest, or later if a hook before ours answered. */
function begin(request: FastifyRequest, reply: FastifyReply): AsyncResource {
  const ids = requestIdsFromHeaders(request.headers);
  // Created inside `run`, the resource captures the new context (and the active span with it).
  const scope = RequestContext.run({ ...ids }, () => new AsyncResource('PlatformHttpRequest'));
  // Set now rather than in onSend, so they are also on responses whose onSend never runs.
  reply.header(REQUEST_ID_HEADER, ids.requestId);
  reply.header(CORRELATION_ID_HEADER, ids.correlationId);
  scopes.set(request, scope);
  return scope;
}

function scopeOf(request: FastifyRequest, reply: FastifyReply): AsyncResource {
  return scopes.get(request) ?? begin(request, reply);
}

/**
 * Switches on request logging for a Fastify instance (Nest: `adapter.getInstance()`): correlation
 * and request ids read or made and echoed, X-Response-Time, the request context around the whole
 * lifecycle, and one access-log line per response. Call it before `NestFactory.create`, so that
 * Nest middleware runs after it, inside the context. Calling it twice does nothing more.
 */
export function installHttpLogging(fastify: FastifyInstance, options: HttpLoggingOptions = {}): void {
  if (installedOn.has(fastify)) return;
  installedOn.add(fastify);
  if (fastify.hasPlugin('@fastify/middie')) {
    // Middie's hook would run before ours: Nest middleware would log without the request's ids.
    getLogger('HttpLogging').warn(
      'installHttpLogging was called after NestFactory.create: Nest middleware runs outside the request context; call it on adapter.getInstance() before NestFactory.create',
    );
  }
  const settings: AccessLogSettings = {
    slowRequestMs: options.slowRequestMs ?? currentLoggingOptions().slowRequestMs,
    maxBodyLogBytes: options.maxBodyLogBytes ?? DEFAULT_MAX_BODY_LOG_BYTES,
  };

  // Everything after `done` (Nest middleware, guards, interceptors, pipes, handler, filters, and
  // the work they start) runs inside the context.
  fastify.addHook('onRequest', (request, reply, done) => {
    scopeOf(request, reply).runInAsyncScope(() => done());
  });

  // Fastify 5.12 carries the context across body parsing itself (its parser callback is bound);
  // releases before that did not, and re-entering the same context costs one call, so the
  // library does not depend on that detail.
  fastify.addHook('preValidation', (request, reply, done) => {
    scopeOf(request, reply).runInAsyncScope(() => done());
  });

  // A hook that runs before ours (Nest's security and version hooks, a plugin) may fail the
  // request before onRequest reached us: open the context here, so Nest's exception filters,
  // which the error handler runs after this hook, have the ids.
  fastify.addHook('onError', (request, reply, _error, done) => {
    scopeOf(request, reply).runInAsyncScope(() => done());
  });

  // Also reached by responses that a hook before ours sent (a CORS preflight, Nest's 503): they
  // get their ids here, and the response is written from inside the context.
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    const scope = scopeOf(request, reply);
    // Fastify's clock starts when it receives the request, even if our context opened later.
    reply.header(RESPONSE_TIME_HEADER, `${reply.elapsedTime.toFixed(3)}ms`);
    scope.runInAsyncScope(() => done());
  });

  // Runs on the response's 'finish' event, whose async context is that of whatever wrote the
  // response; the line is written from inside the request's own context whatever that was.
  fastify.addHook('onResponse', (request, reply, done) => {
    const scope = scopeOf(request, reply);
    const durationMs = reply.elapsedTime;
    try {
      scope.runInAsyncScope(() => writeAccessLog(request, reply, durationMs, settings));
    } catch (error) {
      // A broken log line must not break the server; say so where operators look.
      process.stderr.write(`access log failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    done();
  });
}
