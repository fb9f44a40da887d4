import type { Attributes, Span, SpanKind } from '@opentelemetry/api';
import { endSpanAfter } from './span-outcome.js';
import { platformTracer } from './tracer.js';

/** What the span of `withSpan` describes besides its name. */
export interface WithSpanOptions {
  attributes?: Attributes;
  /** INTERNAL by default; CONSUMER for a message handler, PRODUCER for a publish, CLIENT for a call out. */
  kind?: SpanKind;
}

/**
 * Runs `fn` inside a new span, child of the active one: the span is active for everything `fn`
 * starts, ends when `fn` returns or its promise settles, and on failure records the exception,
 * gets ERROR status, and the error is rethrown unchanged. Works for sync and async functions.
 */
export function withSpan<T>(name: string, options: WithSpanOptions, fn: (span: Span) => T): T {
  return platformTracer().startActiveSpan(name, { attributes: options.attributes, kind: options.kind }, (span) =>
    endSpanAfter(span, () => fn(span)),
  );
}
