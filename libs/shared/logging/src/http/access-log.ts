import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentLoggingOptions, directLineWriter, getLogger } from '../logger.js';
import { maskName, redact } from '../redaction.js';
import { RequestContext } from '../request-context.js';
import { ACCESS_LOG_CONTEXT, ACCESS_LOG_MESSAGE, accessLine } from './access-line.js';
import { sanitizePath } from './sanitize-path.js';

/** How the access log decides level and size. */
export interface AccessLogSettings {
  slowRequestMs: number;
  maxBodyLogBytes: number;
}

const logger = getLogger(ACCESS_LOG_CONTEXT);

/** Milliseconds to the microsecond: enough precision, without float noise in the JSON. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function responseBytes(reply: FastifyReply): number | undefined {
  const length = Number(reply.getHeader('content-length'));
  // Streamed responses have no length until they end; leave the field out rather than guess.
  return Number.isFinite(length) ? length : undefined;
}

/**
 * A body's `name` fields masked like a person's name: what a client sends under `name` is a
 * customer's or a business's (often a sole trader's own name), while a record's own `name`
 * fields (jobs, errors) are left alone by the general rule.
 */
function maskBodyNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskBodyNames);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'name' && typeof item === 'string' ? maskName(item) : maskBodyNames(item),
    ]),
  );
}

/**
 * The request body as it may be logged: secrets redacted and names masked first, then cut to
 * `maxBytes`, so a cut can never leave half a secret that redaction would no longer recognise.
 */
function loggableBody(body: unknown, maxBytes: number): unknown {
  if (body === undefined || body === null) return undefined;
  const safe = maskBodyNames(redact(body));
  const text = typeof safe === 'string' ? safe : JSON.stringify(safe);
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return safe;
  return `${Buffer.from(text).subarray(0, maxBytes).toString()}…[${bytes - maxBytes} more bytes]`;
}

/**
 * Writes the access-log line of a finished request; must run inside the request's context,
 * whose ids and database/upstream timings it reports.
 */
export function writeAccessLog(
  request: FastifyRequest,
  reply: FastifyReply,
  durationMs: number,
  settings: AccessLogSettings,
): void {
  const level = durationMs > settings.slowRequestMs ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const timings = RequestContext.timings();
  const debug = logger.isLevelEnabled('debug');
  const fields = {
    method: request.method,
    // The template (`/users/:id`), never the raw path, so lines group by endpoint; absent on 404.
    route: request.routeOptions.url,
    path: sanitizePath(request.url),
    statusCode: reply.statusCode,
    durationMs: roundMs(durationMs),
    responseBytes: responseBytes(reply),
    databaseMs: roundMs(timings.databaseMs),
    upstreamMs: roundMs(timings.upstreamMs),
  };
  // The production case (JSON lines on the console, no debug fields): the line is written by a
  // serialiser for these fixed fields instead of the logger's generic shaping and JSON.stringify.
  const direct = debug ? undefined : directLineWriter(level);
  if (direct) {
    const line = accessLine(currentLoggingOptions(), level, fields);
    if (line !== undefined) {
      direct.writeLine(line);
      return;
    }
  }
  const record: Record<string, unknown> = fields;
  if (debug) {
    // Header names that carry secrets (authorization, cookie, set-cookie, x-api-key) are redacted
    // with every other record field; the body is redacted and cut here.
    record['requestHeaders'] = request.headers;
    record['responseHeaders'] = reply.getHeaders();
    record['requestBody'] = loggableBody(request.body, settings.maxBodyLogBytes);
  }
  logger[level](ACCESS_LOG_MESSAGE, record);
}
