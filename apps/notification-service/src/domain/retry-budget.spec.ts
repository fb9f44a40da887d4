import { describe, expect, it } from 'vitest';
import { afterFailure, type RetryBudget } from './retry-budget.js';

const budget: RetryBudget = { maxAttempts: 4, maxAgeMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 5_000 };
const created = new Date('2026-01-01T00:00:00Z');

describe('afterFailure', () => {
  it('never retries a permanent failure', () => {
    expect(afterFailure({ kind: 'permanent' }, 1, created, created, budget)).toEqual({ giveUp: 'permanent failure' });
  });

  it('retries a transient failure within a doubling, capped, jittered delay', () => {
    const at = (attempts: number, random: number) =>
      (
        afterFailure({ kind: 'transient' }, attempts, created, created, budget, () => random) as { retryAt: Date }
      ).retryAt.getTime() - created.getTime();
    expect(at(1, 1)).toBe(1_000);
    expect(at(2, 1)).toBe(2_000);
    expect(at(3, 1)).toBe(4_000);
    expect(at(3, 0.5)).toBe(2_000);
    expect(at(3, 0)).toBe(0);
  });

  it('caps the delay at maxDelayMs', () => {
    const result = afterFailure({ kind: 'transient' }, 3, created, created, { ...budget, maxDelayMs: 3_000 }, () => 1);
    expect(result).toEqual({ retryAt: new Date(created.getTime() + 3_000) });
  });

  it('gives up when the attempts are spent', () => {
    expect(afterFailure({ kind: 'transient' }, 4, created, created, budget)).toHaveProperty('giveUp');
  });

  it('gives up when the retry would land past the age budget', () => {
    const now = new Date(created.getTime() + 59_500);
    expect(afterFailure({ kind: 'transient' }, 1, created, now, budget, () => 1)).toHaveProperty('giveUp');
  });
});
