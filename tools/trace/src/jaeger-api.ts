/** A key/value as Jaeger's JSON API gives tags. */
export interface JaegerTag {
  key: string;
  type?: string;
  value: unknown;
}

/** One span of Jaeger's `/api/traces/{id}` answer (times in microseconds since the epoch). */
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: { refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }[];
  startTime: number;
  duration: number;
  tags: JaegerTag[];
  logs: { timestamp: number; fields: JaegerTag[] }[];
  processID: string;
  warnings?: string[] | null;
}

/** One trace as `/api/traces/{id}` returns it: its spans and the processes (services) they ran in. */
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: JaegerTag[] }>;
}

/** Why a trace could not be shown; the message says what to do. */
export class TraceLookupError extends Error {
  override readonly name = 'TraceLookupError';
  constructor(
    readonly reason: 'not-found' | 'unreachable' | 'bad-id' | 'bad-answer',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The trace id in `input`: a bare 32-hex id, or the trace id of a `traceparent`/`traceresponse`
 * value (`00-<trace-id>-<span-id>-<flags>`), lower-cased.
 */
export function parseTraceId(input: string): string {
  const value = input.trim().toLowerCase();
  const match = /^(?:[0-9a-f]{2}-)?([0-9a-f]{32})(?:-[0-9a-f]{16}-[0-9a-f]{2})?$/.exec(value);
  if (!match?.[1] || /^0+$/.test(match[1])) {
    throw new TraceLookupError(
      'bad-id',
      `"${input}" is not a trace id: give the 32 hex digits (a response's traceresponse header, or a Problem Details traceId)`,
    );
  }
  return match[1];
}

/** Fetches one trace from Jaeger's query API (`GET {queryUrl}/api/traces/{traceId}`). */
export async function fetchTrace(queryUrl: string, traceId: string): Promise<JaegerTrace> {
  const url = `${queryUrl.replace(/\/+$/, '')}/api/traces/${traceId}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new TraceLookupError(
      'unreachable',
      `Jaeger does not answer at ${queryUrl} (${(error as Error).cause ?? (error as Error).message}): start the system with npm start, or set JAEGER_QUERY_URL`,
    );
  }
  if (response.status === 404) {
    throw new TraceLookupError(
      'not-found',
      `Jaeger at ${queryUrl} has no trace ${traceId}: it keeps traces in memory since it started, and spans arrive a few seconds after the request`,
    );
  }
  if (!response.ok) {
    throw new TraceLookupError('bad-answer', `Jaeger answered ${response.status} for ${url}: ${await response.text()}`);
  }
  const body = (await response.json()) as { data?: JaegerTrace[] | null };
  const trace = body.data?.[0];
  if (!trace) throw new TraceLookupError('not-found', `Jaeger at ${queryUrl} has no trace ${traceId}`);
  return trace;
}
