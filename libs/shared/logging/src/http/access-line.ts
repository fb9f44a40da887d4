import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { LogLevel } from '../log-record.js';
import { redactField, redactText } from '../redaction.js';
import { idsInScope } from '../request-context.js';

/** The fields of an access record after the identity, the request's ids and its trace ids. */
export interface AccessFields {
  method: string;
  /** The matched route's template; undefined for a 404. */
  route: string | undefined;
  /** Already passed through `sanitizePath`. */
  path: string;
  statusCode: number;
  durationMs: number;
  responseBytes: number | undefined;
  databaseMs: number;
  upstreamMs: number;
}

/** The identity of the writing service, as the logger holds it. */
interface Identity {
  service: string;
  environment: string;
  version: string;
}

export const ACCESS_LOG_CONTEXT = 'HttpAccess';
export const ACCESS_LOG_MESSAGE = 'request completed';

// Keys an id in scope must not have for the line below to be the logger's record: the logger would
// overwrite a field in place (or, for `meta`, move clashing metadata), so those lines go the long way.
const FIXED_KEYS = new Set([
  'timestamp',
  'level',
  'service',
  'environment',
  'version',
  'message',
  'context',
  'traceId',
  'spanId',
  'meta',
  'method',
  'route',
  'path',
  'statusCode',
  'durationMs',
  'responseBytes',
  'databaseMs',
  'upstreamMs',
]);
// JSON.stringify writes integer-like keys of an object first: such an id would move in the record.
const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;

/** `"key":value` of a string the logger would redact by key and text; the same redaction here. */
function stringField(key: string, value: string): string {
  return `,${JSON.stringify(key)}:${JSON.stringify(redactField(key, value))}`;
}

/** A number as the logger's record writes it: only 15-16 digit integers can be (masked) card numbers. */
function numberText(key: string, value: number): string {
  return value >= 1e14 ? JSON.stringify(redactField(key, value)) : JSON.stringify(value);
}

// The part after `level`, the same on every line of a process: made once per identity.
let identityOf: Identity | undefined;
let identityText = '';

function identityPart(identity: Identity): string {
  if (identity !== identityOf) {
    identityOf = identity;
    identityText =
      stringField('service', identity.service) +
      stringField('environment', identity.environment) +
      stringField('version', identity.version) +
      stringField('message', ACCESS_LOG_MESSAGE) +
      stringField('context', ACCESS_LOG_CONTEXT);
  }
  return identityText;
}

// `,"route":"/users/:id"` per template: templates are the application's own, a bounded set.
const MAX_CACHED_ROUTES = 2048;
const routeTexts = new Map<string, string>();

function routePart(route: string): string {
  let text = routeTexts.get(route);
  if (text === undefined) {
    text = stringField('route', route);
    if (routeTexts.size < MAX_CACHED_ROUTES) routeTexts.set(route, text);
  }
  return text;
}

/**
 * The access record's JSON line, written field by field instead of shaping a generic record and
 * serialising it: byte for byte the line `getLogger('HttpAccess')[level]('request completed',
 * fields)` writes (same fields, order and redaction), for the console's JSON lines. Redaction runs
 * where a value can carry a secret or personal data (the ids a client sent, the path, the method);
 * the identity and route templates are redacted once and reused, trace ids are hex by validation
 * and numbers below 1e14 cannot be card numbers. Returns undefined when an id in scope clashes with
 * a field of the record or has an unusual key or value: the caller then logs through the logger.
 * Must run inside the request's context, like the logger's own shaping.
 */
export function accessLine(identity: Identity, level: LogLevel, fields: AccessFields): string | undefined {
  let line = `{"timestamp":"${new Date().toISOString()}","level":"${level}"${identityPart(identity)}`;
  const ids = idsInScope();
  if (ids) {
    for (const key of Object.keys(ids)) {
      const value = ids[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || FIXED_KEYS.has(key) || INTEGER_LIKE.test(key)) return undefined;
      line += stringField(key, value);
    }
  }
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) line += `,"traceId":"${span.traceId}","spanId":"${span.spanId}"`;
  line += `,"method":${JSON.stringify(redactText(fields.method))}`;
  if (fields.route !== undefined) line += routePart(fields.route);
  line += `,"path":${JSON.stringify(redactText(fields.path))}`;
  line += `,"statusCode":${numberText('statusCode', fields.statusCode)}`;
  line += `,"durationMs":${numberText('durationMs', fields.durationMs)}`;
  if (fields.responseBytes !== undefined)
    line += `,"responseBytes":${numberText('responseBytes', fields.responseBytes)}`;
  line += `,"databaseMs":${numberText('databaseMs', fields.databaseMs)}`;
  line += `,"upstreamMs":${numberText('upstreamMs', fields.upstreamMs)}}`;
  return line;
}
