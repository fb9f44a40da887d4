import { isSpanContextValid, trace } from '@opentelemetry/api';
import { redactField } from './redaction.js';
import { idsInScope } from './request-context.js';

/** The four levels of the platform, finest first; Nest's `verbose` maps to debug, `fatal` to error. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** The levels LOG_LEVEL accepts, finest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Fields present on every record, in this order, before any extra metadata. */
export interface LogRecord {
  timestamp: string;
  level: LogLevel;
  service: string;
  environment: string;
  version: string;
  message: string;
  context?: string;
  correlationId?: string;
  requestId?: string;
  traceId?: string;
  spanId?: string;
  [key: string]: unknown;
}

/** Where a shaped record is kept on winston's info object, out of winston's own fields. */
export const LOG_RECORD = Symbol('platform.logRecord');

/** The identity every record carries. */
interface RecordIdentity {
  service: string;
  environment: string;
  version: string;
}

// Metadata may not overwrite these: a record must always say truly what wrote it and when.
const RESERVED = new Set(['timestamp', 'level', 'service', 'environment', 'version', 'message', 'context']);

/**
 * The one place a record is shaped: identity, message, context ids of the current request, the
 * active span, then metadata (keys that clash with the fields above go under `meta`), all redacted.
 */
export function shapeRecord(
  identity: RecordIdentity,
  level: LogLevel,
  message: unknown,
  context: string | undefined,
  meta: Record<string, unknown> | undefined,
): LogRecord {
  // Built field by field and redacted in place: the former spreads, entries arrays, deletes and
  // the full copy made by `redact` cost more than the line's JSON; the result is the same record.
  const span = trace.getActiveSpan()?.spanContext();
  const record: LogRecord = {
    timestamp: new Date().toISOString(),
    level,
    service: identity.service,
    environment: identity.environment,
    version: identity.version,
    message: messageText(message),
    // An empty context says nothing; leave the field out.
    context: context || undefined,
  };
  const ids = idsInScope();
  if (ids) for (const key of Object.keys(ids)) record[key] = ids[key];
  if (span && isSpanContextValid(span)) {
    record.traceId = span.traceId;
    record.spanId = span.spanId;
  }
  let clashing: Record<string, unknown> | undefined;
  if (meta) {
    for (const key of Object.keys(meta)) {
      const value = meta[key];
      if (RESERVED.has(key)) (clashing ??= {})[key] = value;
      else record[key] = value;
    }
  }
  if (clashing) {
    const own = record['meta'];
    record['meta'] = own && typeof own === 'object' && !Array.isArray(own) ? { ...own, ...clashing } : clashing;
  }
  let hasUndefined = false;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) hasUndefined = true;
    else record[key] = redactField(key, value);
  }
  return hasUndefined ? withoutUndefined(record) : record;
}

/** A copy without the undefined fields, in the same order (deleting would slow the object down). */
function withoutUndefined(record: LogRecord): LogRecord {
  const out = {} as LogRecord;
  for (const key of Object.keys(record)) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

/** The text of a message that may not be a string (an Error, an object Nest was handed). */
export function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message);
  }
}
