import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestTelemetry, type RecordedSpans } from '../../test/support/test-telemetry.js';
import { shutdownTelemetry } from '../sdk/telemetry.js';
import { withSpan } from './with-span.js';

describe('withSpan', () => {
  let spans: RecordedSpans;

  beforeAll(() => {
    spans = startTestTelemetry();
  });
  beforeEach(() => spans.reset());
  afterAll(() => shutdownTelemetry());

  const only = async (name: string) => {
    const named = (await spans.finished()).filter((span) => span.name === name);
    expect(named).toHaveLength(1);
    return named[0]!;
  };

  it('runs an async function in an active named span with the given kind and attributes, and ends it', async () => {
    const result = await withSpan(
      'invoice.send',
      { kind: SpanKind.PRODUCER, attributes: { 'invoice.id': 'inv-1' } },
      async (span) => {
        await new Promise((resolve) => setImmediate(resolve));
        expect(trace.getActiveSpan()).toBe(span);
        return 'sent';
      },
    );

    expect(result).toBe('sent');
    const span = await only('invoice.send');
    expect(span.kind).toBe(SpanKind.PRODUCER);
    expect(span.attributes).toEqual({ 'invoice.id': 'inv-1' });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.ended).toBe(true);
  });

  it('returns a plain value from a sync function and makes inner spans its children', async () => {
    const value = withSpan('outer', {}, () => withSpan('inner', {}, () => 7));

    expect(value).toBe(7);
    expect((await only('inner')).parentSpanContext?.spanId).toBe((await only('outer')).spanContext().spanId);
  });

  it('records a rejection, marks the span failed and rethrows the very same error', async () => {
    const failure = new Error('gateway said no to user@example.com');

    await expect(
      withSpan('payment.capture', {}, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);

    const span = await only('payment.capture');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'gateway said no to u***@example.com' });
    const exception = span.events.find((event) => event.name === 'exception');
    expect(exception?.attributes).toMatchObject({
      'exception.type': 'Error',
      'exception.message': 'gateway said no to u***@example.com',
    });
    expect(String(exception?.attributes?.['exception.stacktrace'])).not.toContain('user@example.com');
  });

  it('rethrows a synchronous throw, including values that are not errors, after ending the span', async () => {
    expect(() =>
      withSpan('parse', {}, () => {
        throw 'bad input';
      }),
    ).toThrow('bad input');

    const span = await only('parse');
    expect(span.ended).toBe(true);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });
});
