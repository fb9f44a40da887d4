/** The exponential part of the schedule: `baseDelayMs * 2^(attempt-1)`, never above `maxDelayMs`. */
export function backoffCeiling(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/**
 * "Full jitter" backoff: a uniformly random delay between 0 and the exponential ceiling, so that
 * clients that failed together do not retry together (see the AWS Architecture Blog,
 * "Exponential Backoff And Jitter"). `attempt` is the number of the attempt that just failed.
 */
export function fullJitterDelay(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  return Math.floor(random() * backoffCeiling(attempt, baseDelayMs, maxDelayMs));
}
