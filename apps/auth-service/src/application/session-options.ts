/** How long sessions last; read from the environment by the composition root. */
export interface SessionOptions {
  /**
   * Lifetime of each refresh token. Every rotation starts a new one, so a session ends after
   * this long without use; 14 days by default.
   */
  refreshTokenTtlSeconds: number;
}

export const DEFAULT_SESSION_OPTIONS: Readonly<SessionOptions> = { refreshTokenTtlSeconds: 14 * 24 * 60 * 60 };

/** The defaults overridden by `options`; throws a RangeError for a lifetime that is not a positive integer. */
export function sessionOptions(options: Partial<SessionOptions> = {}): SessionOptions {
  const merged = { ...DEFAULT_SESSION_OPTIONS, ...options };
  if (!Number.isInteger(merged.refreshTokenTtlSeconds) || merged.refreshTokenTtlSeconds <= 0) {
    throw new RangeError(`refreshTokenTtlSeconds must be a positive integer, got ${merged.refreshTokenTtlSeconds}`);
  }
  return merged;
}
