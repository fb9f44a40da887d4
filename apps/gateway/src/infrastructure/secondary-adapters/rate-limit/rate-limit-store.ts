/** How a key stands in its current window after one more hit. */
export interface RateLimitCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetInMs: number;
}

/**
 * Counts hits per key in fixed windows.
 *
 * Contract: `hit` adds one to `key`'s count in the current window of `windowMs` and returns the
 * count with the time left; the first hit of a key starts its window. Counting is atomic: N
 * concurrent hits yield counts 1..N. Windows expire on their own. Instances of the gateway that
 * share a store share the counts.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitCount>;
  close(): Promise<void>;
}
