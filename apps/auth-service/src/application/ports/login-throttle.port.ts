/**
 * Slows down password guessing: per e-mail address (one account attacked from many addresses)
 * and per client address (one client trying many accounts).
 *
 * Contract:
 * - `emailKey` is the normalised e-mail input (`Email.normalise`), also when it is not a valid
 *   address; `clientAddress` is the client's IP as the HTTP adapter trusts it, absent when unknown.
 * - `check` throws TooManyAttemptsError, with the seconds until the next attempt is allowed,
 *   while either key is over its limit; it resolves otherwise. It runs before the password is
 *   verified, so a blocked attempt costs no hashing.
 * - `recordFailure` counts a failed attempt against both keys; `recordSuccess` clears the
 *   e-mail key's failures (not the client's: one good account must not reset guessing on others).
 * - Counters are shared by every instance of the service (not per-process memory) and expire
 *   on their own; a lost update may let one extra attempt through, never block forever.
 * - `purgeExpired` deletes the counters whose window has ended (they no longer count) and
 *   resolves how many; the service runs it periodically so that keys seen once do not pile up.
 */
export interface LoginThrottle {
  check(emailKey: string, clientAddress: string | undefined): Promise<void>;
  recordFailure(emailKey: string, clientAddress: string | undefined): Promise<void>;
  recordSuccess(emailKey: string, clientAddress: string | undefined): Promise<void>;
  purgeExpired(): Promise<number>;
}
