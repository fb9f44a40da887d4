import { randomBytes } from 'node:crypto';

/** Bearer tokens of the client credentials grant: issued with a lifetime, checked on every /v1 call. */
export class TokenStore {
  /** Token → the instant (ms) it stops being accepted. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {}

  issue(): { accessToken: string; expiresIn: number } {
    const now = this.now().getTime();
    // Expired tokens are forgotten as new ones are issued, so a long run does not grow without end.
    for (const [token, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(token);
    const accessToken = randomBytes(32).toString('base64url');
    this.expiries.set(accessToken, now + this.ttlSeconds * 1000);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  /** True while `token` was issued here and has not expired. */
  isValid(token: string): boolean {
    const expiresAt = this.expiries.get(token);
    return expiresAt !== undefined && this.now().getTime() < expiresAt;
  }

  /** Every token issued so far is expired from now on (the `expireTokens` fault). */
  expireAll(): void {
    this.expiries.clear();
  }
}
