/** Jitter added to each timer, so instances started together do not all wake at the same instant. */
export function jitterMs(everyMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(everyMs * 0.1, 5_000));
}

// A timer may fire a little early (rounding), and clocks of instances differ by a little.
const DUE_TOLERANCE_MS = 1_000;

/** When the next scheduled run is due: one period after the latest start on any instance. */
export function nextDueAt(lastStartedAt: Date | null, everyMs: number, now: number): number {
  return lastStartedAt ? lastStartedAt.getTime() + everyMs : now;
}

/** Whether a scheduled tick at `now` should run, given the latest start on any instance. */
export function isDue(lastStartedAt: Date | null, everyMs: number, now: number): boolean {
  return now >= nextDueAt(lastStartedAt, everyMs, now) - Math.min(DUE_TOLERANCE_MS, everyMs / 10);
}

/** Whether a job counts as stale: no success within `staleAfterMs` (before any, counted from `since`). */
export function isStale(lastSucceededAt: Date | null, since: number, staleAfterMs: number, now: number): boolean {
  return now - (lastSucceededAt?.getTime() ?? since) > staleAfterMs;
}
