import type { JaegerSpan, JaegerTag, JaegerTrace } from './jaeger-api.js';

/** One span placed in its trace: its parent (when the trace holds it), its depth and its links elsewhere. */
export interface PlacedSpan {
  span: JaegerSpan;
  service: string;
  depth: number;
  /** The parent span id this span names but the trace does not hold (an orphan). */
  missingParent?: string;
  /** Spans of other traces (or of this one) it links to: `FOLLOWS_FROM` references besides its parent. */
  links: { traceID: string; spanID: string }[];
  status: 'OK' | 'ERROR' | 'UNSET';
  errors: string[];
}

const tag = (tags: JaegerTag[], key: string): unknown => tags.find((t) => t.key === key)?.value;

/** The parent reference of a span: its `CHILD_OF` in the same trace (OTLP's parent span id). */
function parentOf(span: JaegerSpan): string | undefined {
  return span.references.find((r) => r.refType === 'CHILD_OF' && r.traceID === span.traceID)?.spanID;
}

function statusOf(span: JaegerSpan): PlacedSpan['status'] {
  const code = tag(span.tags, 'otel.status_code');
  if (code === 'ERROR' || tag(span.tags, 'error') === true) return 'ERROR';
  return code === 'OK' ? 'OK' : 'UNSET';
}

/** The error messages a span carries: its status description and its recorded exceptions. */
function errorsOf(span: JaegerSpan): string[] {
  const errors: string[] = [];
  const description = tag(span.tags, 'otel.status_description');
  if (typeof description === 'string' && description) errors.push(description);
  for (const log of span.logs) {
    if (tag(log.fields, 'event') !== 'exception') continue;
    const type = tag(log.fields, 'exception.type');
    const message = tag(log.fields, 'exception.message');
    const text = [type, message].filter((part) => typeof part === 'string' && part).join(': ');
    if (text && !errors.includes(text) && !errors.includes(String(message))) errors.push(text);
  }
  return errors;
}

/**
 * The spans of a trace in waterfall order: each parent followed by its children by start time,
 * depth-first. A span whose parent is not in the trace (an orphan) is shown at the top level with
 * `missingParent` set, so a broken propagation is visible instead of hidden.
 */
export function placeSpans(trace: JaegerTrace): PlacedSpan[] {
  const byId = new Map(trace.spans.map((span) => [span.spanID, span]));
  const children = new Map<string | undefined, JaegerSpan[]>();
  for (const span of trace.spans) {
    const parent = parentOf(span);
    const key = parent && byId.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  for (const list of children.values()) list.sort((a, b) => a.startTime - b.startTime);
  const placed: PlacedSpan[] = [];
  const visit = (span: JaegerSpan, depth: number) => {
    const parent = parentOf(span);
    placed.push({
      span,
      service: trace.processes[span.processID]?.serviceName ?? span.processID,
      depth,
      ...(parent && !byId.has(parent) ? { missingParent: parent } : {}),
      links: span.references
        .filter((r) => !(r.refType === 'CHILD_OF' && r.traceID === span.traceID))
        .map(({ traceID, spanID }) => ({ traceID, spanID })),
      status: statusOf(span),
      errors: errorsOf(span),
    });
    for (const child of children.get(span.spanID) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(undefined) ?? []) visit(root, 0);
  return placed;
}

/** Microseconds as `12.3 ms` / `1.52 s`. */
export function formatMicros(micros: number): string {
  if (micros >= 1_000_000) return `${(micros / 1_000_000).toFixed(2)} s`;
  return `${(micros / 1_000).toFixed(1)} ms`;
}

/** A bar of `width` characters showing where in the trace a span ran. */
function bar(start: number, duration: number, total: number, width: number): string {
  if (total <= 0) return '█'.padEnd(width, ' ');
  const from = Math.min(width - 1, Math.floor((start / total) * width));
  const length = Math.max(1, Math.round((duration / total) * width));
  return (' '.repeat(from) + '█'.repeat(Math.min(length, width - from))).padEnd(width, ' ');
}

/** Options of `renderWaterfall`. */
export interface WaterfallOptions {
  /** Width of the timeline bar in characters; 0 leaves it out. */
  barWidth?: number;
}

/**
 * The trace as lines of text: a header (trace id, span count, services, duration), then one line
 * per span with its start offset from the trace's start, duration, status, service and operation,
 * indented under its parent, and below it its errors, a missing parent and links to other traces.
 */
export function renderWaterfall(trace: JaegerTrace, options: WaterfallOptions = {}): string {
  const barWidth = options.barWidth ?? 24;
  const placed = placeSpans(trace);
  const start = Math.min(...trace.spans.map((s) => s.startTime));
  const end = Math.max(...trace.spans.map((s) => s.startTime + s.duration));
  const services = [...new Set(placed.map((p) => p.service))];
  const serviceWidth = Math.max(7, ...services.map((s) => s.length));
  const errorCount = placed.filter((p) => p.status === 'ERROR').length;
  const lines = [
    `trace ${trace.traceID}: ${trace.spans.length} spans in ${services.length} services (${services.join(', ')}), ` +
      `${formatMicros(end - start)}${errorCount ? `, ${errorCount} with errors` : ''}`,
    '',
    [
      'start'.padStart(10),
      'duration'.padStart(10),
      ...(barWidth ? ['timeline'.padEnd(barWidth)] : []),
      'status',
      'service'.padEnd(serviceWidth),
      'operation',
    ].join('  '),
  ];
  for (const p of placed) {
    const offset = p.span.startTime - start;
    const indent = '  '.repeat(p.depth);
    lines.push(
      [
        `+${formatMicros(offset)}`.padStart(10),
        formatMicros(p.span.duration).padStart(10),
        ...(barWidth ? [bar(offset, p.span.duration, end - start, barWidth)] : []),
        p.status.padEnd(6),
        p.service.padEnd(serviceWidth),
        `${indent}${p.span.operationName}`,
      ].join('  '),
    );
    const note = (text: string) =>
      lines.push(
        `${' '.repeat(10 + 2 + 10 + 2 + (barWidth ? barWidth + 2 : 0) + 6 + 2 + serviceWidth + 2)}${indent}  ${text}`,
      );
    for (const error of p.errors) note(`! ${error}`);
    if (p.missingParent) note(`? parent span ${p.missingParent} is not in this trace`);
    for (const link of p.links) {
      note(
        link.traceID === trace.traceID
          ? `↪ links to span ${link.spanID}`
          : `↪ links to trace ${link.traceID} (span ${link.spanID})`,
      );
    }
  }
  return lines.join('\n');
}
