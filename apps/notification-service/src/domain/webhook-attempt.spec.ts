import { describe, expect, it } from 'vitest';
import { isRetryable, outcomeOf } from './webhook-attempt.js';

const answer = (status: number | null, failure?: 'timeout' | 'network_error' | 'blocked') => ({
  status,
  body: null,
  retryAfterMs: undefined,
  latencyMs: 1,
  failure,
});

describe('webhook attempt outcome', () => {
  it('judges answers: 2xx delivered, 410 gone (final), 3xx redirect and others retried', () => {
    expect(outcomeOf(answer(204))).toBe('delivered');
    expect(outcomeOf(answer(410))).toBe('gone');
    expect(outcomeOf(answer(302))).toBe('redirect');
    expect(outcomeOf(answer(500))).toBe('http_error');
    expect(outcomeOf(answer(null, 'timeout'))).toBe('timeout');
    expect(isRetryable('gone')).toBe(false);
    expect(isRetryable('delivered')).toBe(false);
    for (const outcome of ['redirect', 'http_error', 'timeout', 'network_error', 'blocked'] as const) {
      expect(isRetryable(outcome)).toBe(true);
    }
  });
});
