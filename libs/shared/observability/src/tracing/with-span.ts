import { context, type Attributes, type Context, type Link, type Span, type SpanKind } from '@opentelemetry/api';
import { endSpanAfter } from './span-outcome.js';
import { platformTracer } from './tracer.js';

/** What the span of `withSpan` describes besides its name. */
export interface WithSpanOptions {
  attributes?: Attributes;
  /** INTERNAL by default; CONSUMER for a message handler, PRODUCER for a publish, CLIENT for a call out. */
  kind?: SpanKind;
  /** The parent context instead of the active one, e.g. the producer's context taken from a message. */
  parent?: Context;
  /** Spans this one relates to without being their child (a batch handler links each message's producer). */
  links?: Link[];
}

/**
 * Runs `fn` inside a new span, child of the active one (or of `options.parent`): the span is active for everything `fn`
 * starts, ends when `fn` returns or its promise settles, and on failure records the exception,
 * gets ERROR status, and the error is rethrown unchanged. Works for sync and async functions.
 */
export function withSpan<T>(name: string, options: WithSpanOptions, fn: (span: Span) => T): T {
  return platformTracer().startActiveSpan(
    name,
    { attributes: options.attributes, kind: options.kind, links: options.links },
    options.parent ?? context.active(),
    (span) => endSpanAfter(span, () => fn(span)),
  );
}
