import { trace, type Tracer } from '@opentelemetry/api';

/** Instrumentation scope of the spans this library's helpers create. */
export const TRACER_NAME = '@platform/observability';

/** The tracer of the global provider, looked up on each use so it is the SDK's once telemetry has started. */
export function platformTracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}
