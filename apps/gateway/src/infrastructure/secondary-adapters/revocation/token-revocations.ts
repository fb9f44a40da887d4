import { getLogger } from '@platform/logging';
import { accessTokenIssueInstant, type VerifiedAccessToken } from '@platform/identity';
import type { RevokedSessionsStore } from './revoked-sessions-store.js';

/**
 * Why a token with a valid signature is refused all the same:
 * - `revoked`: issued before its user's `tokensValidAfter` (log-out everywhere, password change);
 * - `revocation_unconfirmed`: the revocation feed has not been caught up within the bound (or the
 *   store did not answer), and the token is older than the bound, so it may have been revoked;
 * - `lifetime_too_long`: it lives longer than the gateway remembers revocations for, so a
 *   revocation could be forgotten while it is still valid (a configuration mismatch).
 */
export type RevocationRefusal = 'revoked' | 'revocation_unconfirmed' | 'lifetime_too_long';

/** How fresh the gateway's knowledge of revocations is: the feed's "caught up as of". */
export interface RevocationFeedProgress {
  /** Epoch ms as of which every revocation that had reached Kafka was applied; undefined before the first. */
  lastCaughtUpAt(): number | undefined;
}

export interface TokenRevocationsOptions {
  store: RevokedSessionsStore;
  feed: RevocationFeedProgress;
  /** The bound: no revoked token is honoured more than this long after its revocation reached Kafka. */
  maxDelaySeconds: number;
  /** The longest access-token lifetime (`exp - iat`) the gateway remembers revocations for. */
  maxTokenLifetimeSeconds: number;
  now?: () => number;
}

const STORE_WARNING_INTERVAL_MS = 10_000;

/**
 * Decides whether a verified access token was revoked (docs/decisions/0011-revocation-feed.md).
 *
 * The bound N = `maxDelaySeconds`. While the feed was caught up within the last N seconds, a
 * token is refused when it was issued before its user's cut-off. Otherwise the gateway cannot
 * tell and fails closed for old tokens: it accepts only tokens issued within the last N seconds.
 * Either way, a revocation that reached Kafka at t stops every token it covers by t + N: such a
 * token was issued before t, so after t + N it is either older than N seconds or the feed, caught
 * up as of a moment after t, has applied the cut-off.
 *
 * Issue instants are compared to the millisecond (`accessTokenIssueInstant`, from the UUID v7
 * `jti`): a token issued in the same second as the cut-off but after it is accepted, one issued
 * earlier in that second is refused; one issued in the very millisecond of the cut-off is
 * accepted, as the auth-service itself does (`User.acceptsTokenIssuedAt`).
 */
export class TokenRevocations {
  private readonly log = getLogger('TokenRevocations');
  private readonly maxDelayMs: number;
  private readonly maxLifetimeMs: number;
  private readonly now: () => number;
  private lastStoreWarningAt = 0;

  constructor(private readonly options: TokenRevocationsOptions) {
    this.maxDelayMs = options.maxDelaySeconds * 1000;
    this.maxLifetimeMs = options.maxTokenLifetimeSeconds * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Why the token must be refused, or undefined when it may pass. */
  async refusal(token: VerifiedAccessToken): Promise<RevocationRefusal | undefined> {
    if (token.expiresAt.getTime() - token.issuedAt.getTime() > this.maxLifetimeMs) return 'lifetime_too_long';
    const now = this.now();
    const issuedAtMs = accessTokenIssueInstant(token).getTime();
    // Issued within the bound: any revocation of it is younger than the bound, so honouring it
    // now keeps the promise even when the gateway knows nothing.
    const fresh = issuedAtMs >= now - this.maxDelayMs;
    const caughtUpAt = this.options.feed.lastCaughtUpAt();
    const caughtUp = caughtUpAt !== undefined && now - caughtUpAt <= this.maxDelayMs;
    if (!caughtUp && !fresh) return 'revocation_unconfirmed';
    let validAfterMs: number | undefined;
    try {
      validAfterMs = await this.options.store.validAfter(token.userId);
    } catch (error) {
      this.warnStoreFailure(error);
      return fresh ? undefined : 'revocation_unconfirmed';
    }
    return validAfterMs !== undefined && issuedAtMs < validAfterMs ? 'revoked' : undefined;
  }

  private warnStoreFailure(error: unknown): void {
    const now = this.now();
    if (now - this.lastStoreWarningAt < STORE_WARNING_INTERVAL_MS) return;
    this.lastStoreWarningAt = now;
    this.log.warn('The revoked-sessions store did not answer; only recently issued tokens are accepted', { error });
  }
}
