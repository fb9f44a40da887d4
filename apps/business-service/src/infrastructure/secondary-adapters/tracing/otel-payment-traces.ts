import { trace, type Link } from '@opentelemetry/api';
import { extractTraceContext, injectTraceContext, withSpan } from '@platform/observability';
import type { PaymentTraces } from '../../../application/ports/payment-telemetry.port.js';

/**
 * PaymentTraces on OpenTelemetry. The confirming span is a child of whatever is active (the
 * webhook's request, a reconciliation run) with a Link to the starting request's span: the outbox
 * stores this span's context with the events, so `business.invoice.paid` leads back to the start.
 */
export class OtelPaymentTraces implements PaymentTraces {
  current(): string | null {
    return injectTraceContext<Record<string, string>>({}).traceparent ?? null;
  }

  linked<T>(name: string, linkTo: string | null, work: () => Promise<T>): Promise<T> {
    const links: Link[] = [];
    const linked = linkTo ? trace.getSpanContext(extractTraceContext({ traceparent: linkTo })) : undefined;
    const active = trace.getActiveSpan()?.spanContext();
    // Within the starting request's own trace (the start recording the provider's answer) a link adds nothing.
    if (linked && trace.isSpanContextValid(linked) && linked.traceId !== active?.traceId)
      links.push({ context: linked });
    return withSpan(name, { links }, () => work());
  }
}
