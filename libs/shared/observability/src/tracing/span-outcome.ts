import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { redactText } from '@platform/logging';

/** Marks the span failed. Message and stack are redacted: spans leave the process like logs do. */
export function recordFailure(span: Span, error: unknown): void {
  const { name, message, stack } =
    error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
  const safeMessage = redactText(message);
  span.recordException({ name, message: safeMessage, stack: stack === undefined ? undefined : redactText(stack) });
  span.setStatus({ code: SpanStatusCode.ERROR, message: safeMessage });
}

/**
 * Runs `fn` and ends the span when it returns, throws, or its promise settles; a failure is
 * recorded on the span and rethrown unchanged. No async wrapper, so a sync `fn` stays sync.
 */
export function endSpanAfter<T>(span: Span, fn: () => T): T {
  let result: T;
  try {
    result = fn();
  } catch (error) {
    recordFailure(span, error);
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
      recordFailure(span, error);
      span.end();
      throw error;
    },
  ) as T;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
