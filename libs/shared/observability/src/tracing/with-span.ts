import { SpanStatusCode, type Attributes, type Span, type SpanKind } from '@opentelemetry/api';
import { redactText } from '@platform/logging';
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
  return platformTracer().startActiveSpan(name, { attributes: options.attributes, kind: options.kind }, (span) => {
    let result: T;
    try {
      result = fn(span);
    } catch (error) {
      failed(span, error);
      span.end();
      throw error;
    }
    if (!isPromiseLike(result)) {
      span.end();
      return result;
    }
    return Promise.resolve(result).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        failed(span, error);
        span.end();
        throw error;
      },
    ) as T;
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** Marks the span failed. Message and stack are redacted: spans leave the process like logs do. */
function failed(span: Span, error: unknown): void {
  const { name, message, stack } =
    error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
  const safeMessage = redactText(message);
  span.recordException({ name, message: safeMessage, stack: stack === undefined ? undefined : redactText(stack) });
  span.setStatus({ code: SpanStatusCode.ERROR, message: safeMessage });
}
