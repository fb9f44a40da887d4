import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTelemetry, type RecordedSpans } from '../../test/support/test-telemetry.js';
import { shutdownTelemetry } from '../sdk/telemetry.js';
import { extractTraceContext, injectTraceContext, withExtractedContext } from './trace-context.js';
import { withSpan } from './with-span.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

describe('trace context over plain header objects', () => {
  let spans: RecordedSpans;

  beforeAll(() => {
    spans = startTestTelemetry();
  });
  afterAll(() => shutdownTelemetry());

  it('injects the active span and baggage as W3C headers', () => {
    const baggage = propagation.createBaggage({ tenant: { value: 'acme' } });
    const headers = context.with(propagation.setBaggage(context.active(), baggage), () =>
      withSpan('publish', {}, (span) => ({
        span,
        headers: injectTraceContext({ 'content-type': 'application/json' }),
      })),
    );

    const { traceId, spanId } = headers.span.spanContext();
    expect(headers.headers).toEqual({
      'content-type': 'application/json',
      traceparent: `00-${traceId}-${spanId}-01`,
      baggage: 'tenant=acme',
    });
  });

  it('writes nothing outside a span', () => {
    expect(injectTraceContext({})).toEqual({});
  });

  it('extracts kafkajs-style Buffer headers, whatever their case', () => {
    const extracted = extractTraceContext({
      TraceParent: Buffer.from(`00-${TRACE_ID}-${PARENT_ID}-01`),
      baggage: [Buffer.from('tenant=acme')],
    });

    expect(trace.getSpanContext(extracted)).toMatchObject({ traceId: TRACE_ID, spanId: PARENT_ID, isRemote: true });
    expect(propagation.getBaggage(extracted)?.getEntry('tenant')?.value).toBe('acme');
  });

  it('runs a function as a continuation of the incoming trace', async () => {
    await spans.reset();
    withExtractedContext({ traceparent: Buffer.from(`00-${TRACE_ID}-${PARENT_ID}-01`) }, () =>
      withSpan('handle invoice.created', {}, () => undefined),
    );

    const [span] = await spans.finished();
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(PARENT_ID);
  });

  it('starts a fresh trace when the headers carry none (or a malformed one)', async () => {
    await spans.reset();
    withExtractedContext({ traceparent: 'not-a-traceparent' }, () => withSpan('handle', {}, () => undefined));

    const [span] = await spans.finished();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
