import type { JaegerSpan, JaegerTrace } from '../../src/jaeger-api.js';
import { fetchTrace } from '../../src/jaeger-api.js';
import { renderWaterfall } from '../../src/waterfall.js';

const tagOf = (span: JaegerSpan, key: string): unknown => span.tags.find((t) => t.key === key)?.value;
const kindOf = (span: JaegerSpan) => tagOf(span, 'span.kind');

/** What a request's trace must hold. */
export interface TraceExpectation {
  /** Services with at least one span in the trace. */
  services: string[];
  /** A Kafka producer and a consumer span carrying OpenTelemetry's messaging attributes. */
  kafka?: boolean;
  /** A PostgreSQL client span. */
  database?: boolean;
  /** The notification-service's SMTP send (a CLIENT span with server.address). */
  smtp?: boolean;
  /** A span linking to this trace id (the paid event's trace to the payment start's). */
  linksTo?: string;
}

/** The problems of `trace` against `expected`; empty when it holds all of it. */
export function traceProblems(trace: JaegerTrace, expected: TraceExpectation): string[] {
  const problems: string[] = [];
  const serviceOf = (span: JaegerSpan) => trace.processes[span.processID]?.serviceName;
  const services = new Set(trace.spans.map(serviceOf));
  for (const service of expected.services) if (!services.has(service)) problems.push(`no span of ${service}`);
  const ids = new Set(trace.spans.map((s) => s.spanID));
  for (const span of trace.spans) {
    const parent = span.references.find((r) => r.refType === 'CHILD_OF' && r.traceID === span.traceID);
    if (parent && !ids.has(parent.spanID))
      problems.push(
        `orphan: ${serviceOf(span)} "${span.operationName}" names parent ${parent.spanID}, not in the trace`,
      );
  }
  // OpenTelemetry's messaging conventions: system, destination and what the span did with the message.
  const messaging = (kind: string, operations: string[]) =>
    trace.spans.filter(
      (s) =>
        kindOf(s) === kind &&
        tagOf(s, 'messaging.system') === 'kafka' &&
        typeof tagOf(s, 'messaging.destination.name') === 'string' &&
        operations.includes(String(tagOf(s, 'messaging.operation.type'))),
    );
  if (expected.kafka) {
    if (messaging('producer', ['send', 'publish']).length === 0)
      problems.push('no Kafka producer span with messaging.* attributes');
    if (messaging('consumer', ['process', 'receive']).length === 0)
      problems.push('no Kafka consumer span with messaging.* attributes');
  }
  if (
    expected.database &&
    !trace.spans.some((s) => [tagOf(s, 'db.system'), tagOf(s, 'db.system.name')].includes('postgresql'))
  ) {
    problems.push('no PostgreSQL span');
  }
  if (
    expected.smtp &&
    !trace.spans.some(
      (s) =>
        serviceOf(s) === 'notification-service' &&
        kindOf(s) === 'client' &&
        /smtp/i.test(s.operationName) &&
        typeof tagOf(s, 'server.address') === 'string',
    )
  ) {
    problems.push('no SMTP send span (CLIENT, server.address) of the notification-service');
  }
  if (
    expected.linksTo &&
    !trace.spans.some((s) => s.references.some((r) => r.refType !== 'CHILD_OF' && r.traceID === expected.linksTo))
  ) {
    problems.push(`no span links to trace ${expected.linksTo}`);
  }
  return problems;
}

/**
 * Polls Jaeger until the trace holds everything expected (spans arrive in batches, from several
 * processes, on their own time); fails after `timeoutMs` with the missing parts and the waterfall.
 */
export async function expectTrace(
  queryUrl: string,
  traceId: string,
  expected: TraceExpectation,
  timeoutMs = 60_000,
): Promise<JaegerTrace> {
  const deadline = Date.now() + timeoutMs;
  let last: JaegerTrace | undefined;
  let problems: string[] = ['not in Jaeger yet'];
  while (Date.now() < deadline) {
    last = await fetchTrace(queryUrl, traceId).catch(() => undefined);
    if (last) {
      problems = traceProblems(last, expected);
      if (problems.length === 0) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `trace ${traceId}: ${problems.join('; ')}\n${last ? renderWaterfall(last, { barWidth: 0 }) : '(no trace)'}`,
  );
}

/** The trace ids of recent traces through `service`'s `operation` (Jaeger's search API). */
export async function findTraceIds(queryUrl: string, service: string, operation: string): Promise<string[]> {
  const url = `${queryUrl}/api/traces?service=${encodeURIComponent(service)}&operation=${encodeURIComponent(operation)}&limit=50&lookback=1h`;
  const response = await fetch(url);
  if (!response.ok) return [];
  const body = (await response.json()) as { data?: JaegerTrace[] | null };
  return (body.data ?? []).map((t) => t.traceID);
}
