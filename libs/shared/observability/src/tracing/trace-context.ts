import { context, propagation, type Context } from '@opentelemetry/api';
import { headerGetter, headerSetter, type HeaderCarrier } from './header-carrier.js';

/**
 * Writes the active trace context (`traceparent`, `tracestate`, `baggage`) into `carrier` and
 * returns it, for transports no instrumentation covers. Outside any span nothing is written.
 */
export function injectTraceContext<T extends HeaderCarrier>(carrier: T, from: Context = context.active()): T {
  propagation.inject(from, carrier, headerSetter);
  return carrier;
}

/** The context described by `carrier`'s trace headers (Buffers allowed), on top of `base`. */
export function extractTraceContext(carrier: HeaderCarrier, base: Context = context.active()): Context {
  return propagation.extract(base, carrier, headerGetter);
}

/**
 * Runs `fn` as a continuation of the trace in `carrier`: spans started inside become children of
 * the remote span and baggage is visible. Without trace headers `fn` simply runs in the current context.
 */
export function withExtractedContext<T>(carrier: HeaderCarrier, fn: () => T): T {
  return context.with(extractTraceContext(carrier), fn);
}
