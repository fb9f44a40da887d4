/** How often and for how long a transient failure is retried. */
export interface RetryBudget {
  maxAttempts: number;
  maxAgeMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What to do after a failed attempt: retry at a time, or give up. */
export type AfterFailure = { retryAt: Date } | { giveUp: string };

/**
 * Decides after a failed attempt. A permanent failure gives up at once; a transient one waits a
 * full-jitter exponential delay (random in [0, min(max, base·2^(attempt-1))]) unless attempts or
 * age are spent. `random` is injectable for unit tests.
 */
export function afterFailure(
  failure: { kind: 'transient' | 'permanent' },
  attempts: number,
  createdAt: Date,
  now: Date,
  budget: RetryBudget,
  random: () => number = Math.random,
): AfterFailure {
  if (failure.kind === 'permanent') return { giveUp: 'permanent failure' };
  if (attempts >= budget.maxAttempts) return { giveUp: `no attempts left (${attempts} of ${budget.maxAttempts})` };
  const ceiling = Math.min(budget.maxDelayMs, budget.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const retryAt = new Date(now.getTime() + Math.round(random() * ceiling));
  if (retryAt.getTime() - createdAt.getTime() > budget.maxAgeMs) return { giveUp: 'retry budget (age) spent' };
  return { retryAt };
}
