/** Svix's schedule: the delay before each attempt, the first immediate (8 attempts over about 27 hours). */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/**
 * The wait before the next attempt after `attemptsMade` failed ones, or undefined when the
 * schedule is spent. A `Retry-After` the receiver sent lengthens the wait (never shortens it),
 * up to `maxRetryAfterMs` so that a receiver cannot park a delivery for ever.
 */
export function nextAttemptDelay(
  schedule: readonly number[],
  attemptsMade: number,
  retryAfterMs: number | undefined,
  maxRetryAfterMs: number,
): number | undefined {
  const scheduled = schedule[attemptsMade];
  if (scheduled === undefined) return undefined;
  if (retryAfterMs === undefined) return scheduled;
  return Math.max(scheduled, Math.min(retryAfterMs, maxRetryAfterMs));
}

/** Parses `0,5000,300000`: the retry schedule in milliseconds, as WEBHOOK_RETRY_SCHEDULE_MS gives it. */
export function parseRetrySchedule(text: string): number[] {
  const delays = text.split(',').map((part) => Number(part.trim()));
  if (delays.length === 0 || delays.some((delay) => !Number.isInteger(delay) || delay < 0)) {
    throw new RangeError('a retry schedule is a comma-separated list of non-negative integers (milliseconds)');
  }
  return delays;
}
