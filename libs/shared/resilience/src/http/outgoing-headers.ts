import { context, propagation } from '@opentelemetry/api';
import { RequestContext } from '@platform/logging';

/**
 * The headers every outgoing call carries besides its own: the W3C trace context of the active
 * span (`traceparent`, `tracestate`, `baggage`, by whatever propagator the SDK installed) and
 * the correlation id of the work in progress.
 */
export function withPropagation(headers: Record<string, string>): Record<string, string> {
  const outgoing = { ...headers };
  propagation.inject(context.active(), outgoing);
  const correlationId = RequestContext.get('correlationId');
  if (correlationId) outgoing['x-correlation-id'] = correlationId;
  return outgoing;
}
