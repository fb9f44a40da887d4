import { DomainError, ValidationFailedError } from '@platform/validation';
import { describe, expect, it } from 'vitest';
import { MalformedEventError } from '../errors/malformed-event.error.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { PermanentEventError } from '../errors/permanent-event.error.js';
import { isRetryable, retryDelayMs, retryPolicy } from './retry-policy.js';

describe('retry policy', () => {
  it('doubles the delay ceiling per attempt up to the maximum, with full jitter below it', () => {
    const policy = retryPolicy({ maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000 });
    const ceiling = (attempt: number) => retryDelayMs(policy, attempt, () => 0.999999);
    expect([1, 2, 3, 4, 5].map(ceiling)).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelayMs(policy, 3, () => 0)).toBe(0);
    expect(retryDelayMs(policy, 3, () => 0.5)).toBe(200);
  });

  it('refuses settings that cannot work', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(MessagingOptionsError);
    expect(() => retryPolicy({ baseDelayMs: 1.5 })).toThrow('retry.baseDelayMs must be a positive integer');
    expect(() => retryPolicy({ baseDelayMs: 500, maxDelayMs: 100 })).toThrow('must not be below');
  });

  it('retries transient failures and bugs, never what cannot change', () => {
    expect(isRetryable(new Error('connection reset'))).toBe(true);
    expect(isRetryable(new DomainError('NOTE.LOCKED', 'conflict', 'locked', { retryable: true }))).toBe(true);
    expect(isRetryable(new DomainError('NOTE.CLOSED', 'business_rule', 'closed'))).toBe(false);
    expect(isRetryable(new PermanentEventError('never'))).toBe(false);
    expect(isRetryable(new MalformedEventError('not json'))).toBe(false);
    expect(isRetryable(new ValidationFailedError([{ field: 'text', message: 'bad', code: 'isString' }]))).toBe(false);
  });
});
