import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import type { PaymentResponse } from '@platform/contracts';
import { eventually } from '@platform/infra/testing';
import { shutdownTelemetry, startTelemetry } from '@platform/observability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentTestSystem, type PaymentTestSystem } from './payment-test-system.js';

// Tracing on in this process (in-memory exporter): the service under test records real spans.
describe('the trace of a payment', () => {
  const exporter = new InMemorySpanExporter();
  let system: PaymentTestSystem;

  beforeAll(async () => {
    startTelemetry(
      {
        serviceName: 'business-service',
        serviceVersion: '0.0.0-test',
        environment: 'test',
        sampler: { name: 'parentbased_always_on', ratio: 1 },
        batch: {},
      },
      { spanProcessors: [new SimpleSpanProcessor({ exporter })] },
    );
    system = await startPaymentTestSystem();
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await shutdownTelemetry().catch(() => undefined);
  });

  it('links the confirmation, whose context the business.invoice.paid event carries, to the request that started the payment', async () => {
    const invoice = await system.issuedInvoice(9_000);
    const started = await system.call<PaymentResponse>(
      'POST',
      system.paymentsPath(invoice.id),
      system.acme.users.accountant,
      {
        body: { amount: { amountMinor: 9_000, currency: 'EUR' } },
      },
    );
    expect(started.status).toBe(201);
    const [row] = (
      await system.db.query<{ start_traceparent: string | null }>(
        `SELECT start_traceparent FROM payments WHERE id = $1`,
        [started.body.id],
      )
    ).rows;
    const [, startTraceId, startSpanId] =
      /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(row?.start_traceparent ?? '') ?? [];
    expect(startTraceId).toBeDefined();

    await system.checkout(started.body.checkoutUrl!, 'succeeded');
    await system.invoiceBecomes(invoice.id, 'paid');
    // The span that booked the success (the webhook's request is its parent), linked to the start.
    let confirm: ReturnType<InMemorySpanExporter['getFinishedSpans']>[number] | undefined;
    await eventually('the confirming span with its link', () => {
      confirm = exporter
        .getFinishedSpans()
        .find(
          (span) => span.name === 'payment.confirm' && span.links.some((link) => link.context.spanId === startSpanId),
        );
      return confirm !== undefined;
    });
    expect(confirm!.links[0]!.context.traceId).toBe(startTraceId);
    expect(confirm!.spanContext().traceId).not.toBe(startTraceId);

    const [paid] = (
      await system.db.query<{ headers: Record<string, string> }>(
        `SELECT headers FROM messaging_outbox WHERE payload::jsonb->>'type' = 'business.invoice.paid' AND key = $1`,
        [invoice.id],
      )
    ).rows;
    expect(paid?.headers.traceparent).toContain(confirm!.spanContext().traceId);
    expect(trace.getActiveSpan()).toBeUndefined();
  }, 60_000);
});
