import { getLogger } from '@platform/logging';
import { abortableSleep } from './abortable-sleep.js';
import { fullJitterDelay } from './backoff.js';
import { retryAfterMsOf } from './retry-after.js';
import { isTransientError } from './transient-errors.js';

/** How `retry` repeats an operation. Every option has a default. */
export interface RetryOptions {
  /** Attempts in all, the first one included. Default 3. */
  maxAttempts?: number;
  /** Ceiling of the first delay; it doubles with each attempt. Default 100 ms. */
  baseDelayMs?: number;
  /**
   * The highest delay between two attempts. Default 5 000 ms. A `Retry-After` longer than this
   * ends the retries: the error goes back to the caller, whose client learns when to come back.
   */
  maxDelayMs?: number;
  /** The most time all attempts and waits may take together; the running attempt is aborted then. */
  budgetMs?: number;
  /** Stops the retries (and aborts the running attempt) when the caller gives up. */
  signal?: AbortSignal;
  /** Which errors are worth another attempt. Default: `isTransientError`. */
  isRetryable?: (error: unknown) => boolean;
  /** The random source of the jitter, in [0, 1). Default `Math.random`; tests inject their own. */
  random?: () => number;
  /** Names the operation in the log lines. */
  operation?: string;
}

/** What each attempt receives. */
export interface RetryAttempt {
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the caller's signal aborts or the budget runs out: pass it to the I/O. */
  signal: AbortSignal;
}

const logger = getLogger('retry');

function summary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { thrown: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }) };
}

/**
 * Runs `operation` until it succeeds, retrying transient failures with exponential backoff and
 * full jitter. A `Retry-After` carried by the error (`retryAfterSeconds`) sets the least delay.
 * Stops at `maxAttempts`, at a non-retryable error, when the next wait would overrun
 * `budgetMs`, or when `signal` aborts; then the last error is thrown (the abort reason when the
 * caller aborted). Only wrap operations that are safe to repeat.
 */
export async function retry<T>(
  operation: (attempt: RetryAttempt) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const isRetryable = options.isRetryable ?? isTransientError;
  const random = options.random ?? Math.random;
  const name = options.operation ?? (operation.name || 'operation');
  options.signal?.throwIfAborted();

  const started = Date.now();
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  const budgetTimer =
    options.budgetMs === undefined
      ? undefined
      : setTimeout(
          () => controller.abort(new DOMException(`retry budget of ${options.budgetMs} ms exhausted`, 'TimeoutError')),
          options.budgetMs,
        );

  const giveUp = (attempt: number, reason: string, error: unknown): never => {
    logger.warn(`giving up on ${name}`, { operation: name, attempt, maxAttempts, reason, error: summary(error) });
    throw error;
  };

  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation({ attempt, signal: controller.signal });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (controller.signal.aborted) return giveUp(attempt, 'budget exhausted', error);
        if (!isRetryable(error)) throw error;
        if (attempt >= maxAttempts) return giveUp(attempt, 'attempts exhausted', error);

        const retryAfterMs = retryAfterMsOf(error);
        if (retryAfterMs !== undefined && retryAfterMs > maxDelayMs) {
          return giveUp(attempt, `Retry-After of ${retryAfterMs} ms exceeds ${maxDelayMs} ms`, error);
        }
        const delayMs = Math.max(retryAfterMs ?? 0, fullJitterDelay(attempt, baseDelayMs, maxDelayMs, random));
        if (options.budgetMs !== undefined && Date.now() - started + delayMs >= options.budgetMs) {
          return giveUp(attempt, 'budget exhausted', error);
        }
        logger.warn(`retrying ${name}`, {
          operation: name,
          attempt,
          nextAttempt: attempt + 1,
          maxAttempts,
          delayMs,
          error: summary(error),
        });
        try {
          await abortableSleep(delayMs, controller.signal);
        } catch (abortReason) {
          if (options.signal?.aborted) throw abortReason;
          return giveUp(attempt, 'budget exhausted', error);
        }
      }
    }
  } finally {
    clearTimeout(budgetTimer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}
