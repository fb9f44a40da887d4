import { TooManyAttemptsError } from '../../domain/auth.errors.js';

/** Which limit refused an attempt: an account at one client address, an account, a client address. */
export type ThrottleScope = 'pair' | 'account' | 'address';

/**
 * A refused attempt: a TooManyAttemptsError (429, `Retry-After`) that also names the limit, for
 * metrics and logs. The client is not told which limit it hit: that would tell an attacker when
 * to switch addresses.
 */
export class LoginThrottledError extends TooManyAttemptsError {
  constructor(
    retryAfterSeconds: number,
    readonly scope: ThrottleScope,
  ) {
    super(retryAfterSeconds);
  }
}

/**
 * Slows password guessing without giving anyone a way to lock an account's owner out
 * (docs/decisions/0010). Three limits:
 *
 * - **pair** (one account from one client address; an IPv6 address counts by its /64): a strict
 *   number of attempts in a window, then that pair alone waits for the window to end;
 * - **account**: attempts from addresses not known for the account (below) are let through
 *   freely up to a number per hour, then one at a time with a delay between them that doubles up
 *   to a cap: a short wait, never a lockout, and an hourly budget well under 100;
 * - **address** (one client trying many accounts): failures in a window, then that address waits.
 *
 * An address is known for an account once it logged in successfully from there, for a bounded
 * time; a known address skips the account delay (not its pair limit), so the owner gets in while
 * the account is under attack from elsewhere.
 *
 * Contract:
 * - `emailKey` is the normalised e-mail input (`Email.normalise`), also when it is not a valid
 *   address; `clientAddress` is the client's IP as the HTTP adapter trusts it, absent when unknown
 *   (then it is never a known address).
 * - `check` admits one attempt or throws LoginThrottledError with the seconds until the limit
 *   that refused it could admit one. Admission is atomic and counts the attempt against the pair
 *   and (from an address not known) the account before the password is verified, so concurrent
 *   attempts cannot all slip through a limit that has one attempt left; an attempt refused by
 *   one limit is counted by none. It runs before the password is verified: a refused attempt
 *   costs no hashing.
 * - `recordFailure` counts a failed attempt against the client address.
 * - `recordSuccess` clears the pair and remembers the client address as known for the account.
 *   It leaves the account's count alone (the owner logging in must not hand an attacker a fresh
 *   budget) and the client address's failures (one good account must not reset a client's
 *   guessing at others).
 * - Counters are shared by every instance of the service (not per-process memory), updated in
 *   single statements or transactions (never read-then-write), and expire on their own.
 * - `forgetAccount` deletes the account's own counter (its delays), for an erased account. Rows of
 *   (account, address) pairs are HMACs of the e-mail with the address, which cannot be found
 *   without the address: they no longer link to any stored e-mail and expire on their own.
 * - `purgeExpired` deletes the counters that no longer count and the known addresses past their
 *   time in one call, and resolves how many (tests and scripts); the running service deletes the
 *   same rows in short batches with its retention jobs (README "Retention").
 */
export interface LoginThrottle {
  check(emailKey: string, clientAddress: string | undefined): Promise<void>;
  recordFailure(emailKey: string, clientAddress: string | undefined): Promise<void>;
  recordSuccess(emailKey: string, clientAddress: string | undefined): Promise<void>;
  purgeExpired(): Promise<number>;
  forgetAccount(emailKey: string): Promise<void>;
}
