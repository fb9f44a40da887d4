/**
 * Remembers, per user, the instant before which their access tokens are refused (their
 * `tokensValidAfter`, as the auth-service announces it with `auth.user.sessions-revoked`).
 *
 * Contract: `revoke` keeps the latest cut-off of a user: an earlier or equal one changes nothing,
 * a later one replaces it, atomically even when instances write at once. A cut-off is kept until
 * `expiresAtMs`, after which `validAfter` forgets it (every token it refused has expired by then).
 * `validAfter` is the kept cut-off in epoch ms, or undefined. Instances that share a store share
 * the cut-offs. A store that cannot answer rejects; it never guesses.
 */
export interface RevokedSessionsStore {
  revoke(userId: string, validAfterMs: number, expiresAtMs: number): Promise<void>;
  validAfter(userId: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Injection token of the gateway's revoked-sessions store. */
export const REVOKED_SESSIONS_STORE = Symbol('gateway.revokedSessionsStore');
