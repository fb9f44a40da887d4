import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../../application/ports/clock.port.js';
import type { LoginThrottle } from '../../../application/ports/login-throttle.port.js';
import { TooManyAttemptsError } from '../../../domain/auth.errors.js';

export interface PostgresLoginThrottleOptions {
  /** Failed attempts one e-mail address may have in a window before it is blocked for the rest of it. */
  maxFailuresPerAccount: number;
  /** Failed attempts one client address may make in a window, whatever the accounts. */
  maxFailuresPerAddress: number;
  /** Length of the fixed window that starts at a key's first failure. */
  windowSeconds: number;
  clock: Clock;
}

/** Keys longer than this are stored as a hash, so that any input fits the primary key's index. */
const MAX_PLAIN_KEY_LENGTH = 320;

type KeyKind = 'account' | 'address';

interface ThrottleRow {
  key: string;
  failures: number;
  window_started_at: Date;
}

/**
 * LoginThrottle on the `login_throttle` table, so every instance of the service shares the
 * counters. One row per key (`account:<e-mail>`, `address:<ip>`) counts failures in a fixed window
 * that starts at the first failure; a key is blocked while its failures reach its maximum, until
 * the window ends. A failure after the window ended starts a new one: counters expire on their own.
 */
export class PostgresLoginThrottle implements LoginThrottle {
  private readonly windowMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PostgresLoginThrottleOptions,
  ) {
    for (const name of ['maxFailuresPerAccount', 'maxFailuresPerAddress', 'windowSeconds'] as const) {
      const value = options[name];
      if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(`${name} must be a positive integer, got ${value}`);
      }
    }
    this.windowMs = options.windowSeconds * 1000;
  }

  async check(emailKey: string, clientAddress: string | undefined): Promise<void> {
    const keys = this.keysOf(emailKey, clientAddress);
    const rows: ThrottleRow[] = await this.dataSource.query(
      `SELECT key, failures, window_started_at FROM login_throttle WHERE key = ANY($1::text[])`,
      [keys.map(({ key }) => key)],
    );
    const now = this.options.clock.now().getTime();
    let waitMs = 0;
    for (const row of rows) {
      const kind = keys.find(({ key }) => key === row.key)?.kind;
      const windowEnd = row.window_started_at.getTime() + this.windowMs;
      if (kind && now < windowEnd && row.failures >= this.maxFailures(kind)) {
        // Capped at one window, should another instance's clock run ahead of ours.
        waitMs = Math.max(waitMs, Math.min(windowEnd - now, this.windowMs));
      }
    }
    // TooManyAttemptsError rounds up to whole seconds, at least one.
    if (waitMs > 0) throw new TooManyAttemptsError(waitMs / 1000);
  }

  async recordFailure(emailKey: string, clientAddress: string | undefined): Promise<void> {
    const now = this.options.clock.now();
    const windowExpiredBefore = new Date(now.getTime() - this.windowMs);
    // One atomic upsert per key (never read-then-write): concurrent failures queue on the row and all count.
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at)
       SELECT key, 1, $2::timestamptz FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $3::timestamptz THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $3::timestamptz THEN $2::timestamptz
                                  ELSE t.window_started_at END`,
      [this.keysOf(emailKey, clientAddress).map(({ key }) => key), now, windowExpiredBefore],
    );
  }

  async recordSuccess(emailKey: string, _clientAddress: string | undefined): Promise<void> {
    // The account only: one good log-in must not reset a client's guessing at other accounts.
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [throttleKey('account', emailKey)]);
  }

  /**
   * Deletes the rows whose window has ended (they no longer count); resolves how many. Run it
   * now and then so that keys seen once do not pile up.
   */
  async purgeExpired(): Promise<number> {
    const expiredBefore = new Date(this.options.clock.now().getTime() - this.windowMs);
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM login_throttle WHERE window_started_at <= $1`,
      [expiredBefore],
    );
    return deleted;
  }

  private keysOf(emailKey: string, clientAddress: string | undefined): { kind: KeyKind; key: string }[] {
    const keys: { kind: KeyKind; key: string }[] = [{ kind: 'account', key: throttleKey('account', emailKey) }];
    if (clientAddress) keys.push({ kind: 'address', key: throttleKey('address', clientAddress) });
    return keys;
  }

  private maxFailures(kind: KeyKind): number {
    return kind === 'account' ? this.options.maxFailuresPerAccount : this.options.maxFailuresPerAddress;
  }
}

/** `account:<e-mail>` or `address:<ip>`; an overlong value (not a real address) as its SHA-256. */
function throttleKey(kind: KeyKind, value: string): string {
  if (value.length <= MAX_PLAIN_KEY_LENGTH) return `${kind}:${value}`;
  return `${kind}:sha256:${createHash('sha256').update(value, 'utf8').digest('hex')}`;
}
