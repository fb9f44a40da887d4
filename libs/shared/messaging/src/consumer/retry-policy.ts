import { fullJitterDelay } from '@platform/resilience';
import { DomainError, ValidationFailedError } from '@platform/validation';
import { MalformedEventError } from '../errors/malformed-event.error.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { PermanentEventError } from '../errors/permanent-event.error.js';

/** How often and how patiently a failing event is tried again before it goes to the DLQ. */
export interface RetryPolicyOptions {
  /** Attempts in all, the first one included; default 5. 1 means dead-letter on the first failure. */
  maxAttempts?: number;
  /** Ceiling of the first retry's delay; default 200 ms. Each retry doubles it (full jitter below it). */
  baseDelayMs?: number;
  /** Largest delay between two attempts; default 60 s. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryPolicyOptions>;

/** The options with defaults, checked; throws MessagingOptionsError for values that cannot work. */
export function retryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const policy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 60_000, ...options };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new MessagingOptionsError(`retry.${name} must be a positive integer, received ${String(value)}`);
    }
  }
  if (policy.maxDelayMs < policy.baseDelayMs) {
    throw new MessagingOptionsError('retry.maxDelayMs must not be below retry.baseDelayMs');
  }
  return policy;
}

/** Milliseconds to wait after the failed attempt number `attempt`. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  return fullJitterDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, random);
}

/**
 * Whether another attempt may succeed. Not retried: malformed events, payloads that fail
 * validation, PermanentEventError, and domain errors not marked `retryable` (a rule that rejects
 * an event rejects it every time). Everything else (a database or network failure, a bug fixed by
 * the next deploy) is retried.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MalformedEventError || error instanceof PermanentEventError) return false;
  if (error instanceof ValidationFailedError) return false;
  if (error instanceof DomainError) return error.retryable;
  return true;
}
