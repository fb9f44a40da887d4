import { isSpanContextValid, trace } from '@opentelemetry/api';
import { redact } from './redaction.js';
import { RequestContext } from './request-context.js';

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
    ...RequestContext.ids(),
    ...(span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {}),
  };
  const clashing: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (RESERVED.has(key)) clashing[key] = value;
    else record[key] = value;
  }
  if (Object.keys(clashing).length) {
    const own = record['meta'];
    record['meta'] = own && typeof own === 'object' && !Array.isArray(own) ? { ...own, ...clashing } : clashing;
  }
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return redact(record);
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
