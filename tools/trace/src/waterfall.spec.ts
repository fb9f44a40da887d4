import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceId, type JaegerTrace } from './jaeger-api.js';
import { formatMicros, placeSpans, renderWaterfall } from './waterfall.js';

// A trace Jaeger returned (recorded by test/trace-from-jaeger.spec.ts with RECORD_TRACE_FIXTURE=<file>).
const recorded = JSON.parse(
  readFileSync(new URL('../test/fixtures/three-services.trace.json', import.meta.url), 'utf8'),
) as JaegerTrace;

describe('renderWaterfall', () => {
  it('prints each span with offset, duration, status, service and operation, children indented under parents', () => {
    expect(renderWaterfall(recorded, { barWidth: 0 })).toBe(
      [
        'trace 32f6909fb80cbc0d643a816f5f0093fd: 3 spans in 3 services (gateway, auth-service, notification-service), 40.0 ms, 1 with errors',
        '',
        '     start    duration  status  service               operation',
        '   +0.0 ms     40.0 ms  UNSET   gateway               POST /v1/auth/register',
        '   +5.0 ms     30.0 ms  UNSET   auth-service            POST /auth/register',
        '                                                          ↪ links to trace 047ab174673059d619f3bca1efd4c828 (span dfd5133c520ae0c6)',
        '  +20.0 ms     10.0 ms  ERROR   notification-service      smtp send',
        '                                                            ! mailbox unavailable',
      ].join('\n'),
    );
  });

  it('draws where each span ran on a timeline when asked for a bar', () => {
    const lines = renderWaterfall(recorded, { barWidth: 8 }).split('\n');
    expect(lines[3]).toContain('████████');
    // The 10 ms send starting 20 ms into 40 ms: the second half's first quarter of the bar.
    expect(lines[6]).toContain('    ██  ');
  });

  it('shows a span whose parent is not in the trace at the top, naming the missing parent', () => {
    const withoutRoot = {
      ...recorded,
      spans: recorded.spans.filter((s) => s.operationName !== 'POST /v1/auth/register'),
    };
    const placed = placeSpans(withoutRoot);
    expect(placed.map((p) => [p.span.operationName, p.depth, p.missingParent])).toEqual([
      ['POST /auth/register', 0, '815e1e2ac7c85ca7'],
      ['smtp send', 1, undefined],
    ]);
    expect(renderWaterfall(withoutRoot)).toContain('? parent span 815e1e2ac7c85ca7 is not in this trace');
  });
});

describe('parseTraceId', () => {
  it('takes a bare trace id or the one inside a traceparent / traceresponse value', () => {
    const id = '32f6909fb80cbc0d643a816f5f0093fd';
    expect(parseTraceId(id.toUpperCase())).toBe(id);
    expect(parseTraceId(`00-${id}-815e1e2ac7c85ca7-01`)).toBe(id);
  });

  it('refuses what is no trace id, and the all-zero id', () => {
    expect(() => parseTraceId('abc')).toThrow(/not a trace id/);
    expect(() => parseTraceId('0'.repeat(32))).toThrow(/not a trace id/);
  });
});

describe('formatMicros', () => {
  it('gives milliseconds below a second and seconds above', () => {
    expect(formatMicros(1_500)).toBe('1.5 ms');
    expect(formatMicros(2_345_000)).toBe('2.35 s');
  });
});
