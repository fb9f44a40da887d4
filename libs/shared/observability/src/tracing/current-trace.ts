import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/** Trace and span id of the active span, as they appear in logs and in Jaeger. */
export interface TraceIds {
  traceId: string;
  spanId: string;
}

/** The ids of the span active right now, or undefined outside any (valid) span. */
export function currentTraceIds(): TraceIds | undefined {
  const spanContext = trace.getSpanContext(context.active());
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
