import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../../application/ports/clock.port.js';
import { LoginThrottledError, type LoginThrottle } from '../../../application/ports/login-throttle.port.js';
import { clientNetwork } from './client-network.js';

export interface PostgresLoginThrottleOptions {
  /**
   * Attempts one account may have from one client address (an IPv6 /64) in a window; then that
   * pair alone waits for the window to end. A successful log-in from there clears it.
   */
  maxFailuresPerPair: number;
  /** Failed attempts one client address may make in a window, whatever the accounts. */
  maxFailuresPerAddress: number;
  /** Length of the pair and address windows, which start at a key's first attempt or failure. */
  windowSeconds: number;
  /** Attempts an account lets through per hour from addresses not known for it before delays start. */
  accountFreeAttempts: number;
  /**
   * Cap of the delay between attempts from addresses not known for the account, which doubles from
   * one second: the longest the account limit ever makes anyone wait.
   */
  accountMaxDelaySeconds: number;
  /** How long an address stays known after the account's last successful log-in from it. */
  knownAddressDays: number;
  /** Secret of the HMAC under which accounts and addresses are stored (`throttleHashKey`), ≥ 16 bytes. */
  hashKey: Uint8Array;
  clock: Clock;
}

/** The account limit's window: its free attempts are per hour. */
export const ACCOUNT_WINDOW_SECONDS = 3600;

/** The first delay of the account limit, doubled for every further attempt up to the cap. */
const ACCOUNT_FIRST_DELAY_SECONDS = 1;

/** Address keys longer than this are stored as a hash, so that any input fits the primary key's index. */
const MAX_PLAIN_KEY_LENGTH = 320;

const DAY_MS = 24 * 3600 * 1000;

/**
 * The key of the HMAC that hides e-mails and client addresses in the throttle's rows, derived
 * from a service secret (HKDF-SHA-256, its own `info`, so it is no other use's key). A plain
 * SHA-256 of an IPv4 address is reversed by trying all 2^32; without the secret it is not.
 */
export function throttleHashKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, '', 'auth-service login throttle v1', 32));
}

interface Keys {
  /** `address:<ip>` in login_throttle (the per-client limit, as it always was). */
  address: string | undefined;
  /** `pair:<hmac>` in login_throttle. */
  pair: string;
  /** login_account_throttle.account_key */
  account: string;
  /** login_known_addresses.key; none without a client address. */
  known: string | undefined;
}

/**
 * LoginThrottle on PostgreSQL, so that every instance of the service shares the counters:
 *
 * - `login_throttle`: fixed windows that start at a key's first count; `address:<ip>` counts
 *   failures, `pair:<hmac>` attempts (a success deletes it). A key is refused while its count
 *   has reached its maximum, until the window ends; a count after the window ended starts a new one.
 * - `login_account_throttle`: attempts from addresses not known for the account in an hour, and
 *   the earliest time the next one is let through.
 * - `login_known_addresses`: (account, address) pairs with a recent successful log-in.
 *
 * Accounts and addresses in the last two, and pairs, are HMACs: no e-mail or IP in plain.
 */
export class PostgresLoginThrottle implements LoginThrottle {
  private readonly windowMs: number;
  private readonly accountWindowMs = ACCOUNT_WINDOW_SECONDS * 1000;
  private readonly maxDelayMs: number;
  private readonly knownMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PostgresLoginThrottleOptions,
  ) {
    const positive = [
      'maxFailuresPerPair',
      'maxFailuresPerAddress',
      'windowSeconds',
      'accountFreeAttempts',
      'accountMaxDelaySeconds',
      'knownAddressDays',
    ] as const;
    for (const name of positive) {
      const value = options[name];
      if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(`${name} must be a positive integer, got ${value}`);
      }
    }
    if (!(options.hashKey instanceof Uint8Array) || options.hashKey.length < 16) {
      throw new RangeError('hashKey must be at least 16 bytes');
    }
    this.windowMs = options.windowSeconds * 1000;
    this.maxDelayMs = options.accountMaxDelaySeconds * 1000;
    this.knownMs = options.knownAddressDays * DAY_MS;
  }

  async check(emailKey: string, clientAddress: string | undefined): Promise<void> {
    const keys = this.keysOf(emailKey, clientAddress);
    const now = this.options.clock.now();
    const [state] = (await this.dataSource.query(
      `SELECT a.failures, a.window_started_at,
              EXISTS (SELECT 1 FROM login_known_addresses WHERE key = $2 AND last_login_at > $4) AS known
         FROM (SELECT 1) AS one
         LEFT JOIN login_throttle a ON a.key = $1 AND a.window_started_at > $3`,
      [keys.address ?? null, keys.known ?? null, this.before(now, this.windowMs), this.before(now, this.knownMs)],
    )) as { failures: number | null; window_started_at: Date | null; known: boolean }[];

    if (state?.window_started_at && state.failures !== null && state.failures >= this.options.maxFailuresPerAddress) {
      throw this.refused('address', state.window_started_at.getTime() + this.windowMs - now.getTime(), this.windowMs);
    }
    if (state?.known) {
      await this.admitPair(this.dataSource.manager, keys.pair, now);
      return;
    }
    // Both or neither: an attempt the account refuses must not use up one of the pair's.
    await this.dataSource.transaction(async (manager) => {
      await this.admitPair(manager, keys.pair, now);
      await this.admitAccount(manager, keys.account, now);
    });
  }

  async recordFailure(emailKey: string, clientAddress: string | undefined): Promise<void> {
    // The pair and the account counted the attempt when check admitted it.
    const { address } = this.keysOf(emailKey, clientAddress);
    if (address === undefined) return;
    const now = this.options.clock.now();
    // One atomic upsert (never read-then-write): concurrent failures queue on the row and all count.
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $3 THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $3 THEN EXCLUDED.window_started_at
                                  ELSE t.window_started_at END`,
      [address, now, this.before(now, this.windowMs)],
    );
  }

  async recordSuccess(emailKey: string, clientAddress: string | undefined): Promise<void> {
    const { pair, known } = this.keysOf(emailKey, clientAddress);
    if (known === undefined) {
      await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [pair]);
      return;
    }
    await this.dataSource.query(
      `WITH cleared AS (DELETE FROM login_throttle WHERE key = $1)
       INSERT INTO login_known_addresses AS k (key, last_login_at) VALUES ($2, $3)
       ON CONFLICT (key) DO UPDATE SET last_login_at = GREATEST(k.last_login_at, EXCLUDED.last_login_at)`,
      [pair, known, this.options.clock.now()],
    );
  }

  /**
   * Deletes ended windows, account counters whose hour and last delay are over, and addresses
   * known for longer than `knownAddressDays` since their last log-in; resolves how many rows.
   */
  async purgeExpired(): Promise<number> {
    const now = this.options.clock.now();
    const [{ deleted }] = (await this.dataSource.query(
      `WITH windows AS (DELETE FROM login_throttle WHERE window_started_at <= $1 RETURNING 1),
            accounts AS (DELETE FROM login_account_throttle
                          WHERE window_started_at <= $2 AND next_attempt_at <= $3 RETURNING 1),
            known AS (DELETE FROM login_known_addresses WHERE last_login_at <= $4 RETURNING 1)
       SELECT ((SELECT count(*) FROM windows) + (SELECT count(*) FROM accounts)
               + (SELECT count(*) FROM known))::int AS deleted`,
      [this.before(now, this.windowMs), this.before(now, this.accountWindowMs), now, this.before(now, this.knownMs)],
    )) as [{ deleted: number }];
    return deleted;
  }

  async forgetAccount(emailKey: string): Promise<void> {
    const { account } = this.keysOf(emailKey, undefined);
    await this.dataSource.query(`DELETE FROM login_account_throttle WHERE account_key = $1`, [account]);
  }

  /** Counts an attempt against the pair, or throws when its window is used up. */
  private async admitPair(manager: EntityManager, key: string, now: Date): Promise<void> {
    // The WHERE decides under the row's lock: of concurrent attempts, only as many as are left get in.
    const admitted: unknown[] = await manager.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $3 THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $3 THEN EXCLUDED.window_started_at
                                  ELSE t.window_started_at END
       WHERE t.window_started_at <= $3 OR t.failures < $4
       RETURNING failures`,
      [key, now, this.before(now, this.windowMs), this.options.maxFailuresPerPair],
    );
    if (admitted.length > 0) return;
    const [row] = (await manager.query(`SELECT window_started_at FROM login_throttle WHERE key = $1`, [key])) as {
      window_started_at: Date;
    }[];
    throw this.refused('pair', (row?.window_started_at.getTime() ?? 0) + this.windowMs - now.getTime(), this.windowMs);
  }

  /**
   * Counts an attempt from an address not known for the account, or throws while the delay set
   * by the previous one runs. The n-th attempt of the hour sets the next one's earliest time:
   * none for the free ones, then 1 s, 2 s, 4 s… up to the cap.
   */
  private async admitAccount(manager: EntityManager, key: string, now: Date): Promise<void> {
    const attempts = `(CASE WHEN t.window_started_at <= $3 THEN 1 ELSE t.attempts + 1 END)`;
    // Free attempts leave the earliest time as it was (in the past), not at their own clock
    // reading: a concurrent attempt that read the clock a moment earlier must not be refused.
    // The exponent is bounded so that power() cannot overflow whatever the count.
    const nextAfter = (n: string, unchanged: string) =>
      `CASE WHEN ${n} < $4 THEN ${unchanged}
            ELSE $2::timestamptz + make_interval(secs => least($5::float8, $6::float8 * power(2, least(${n} - $4, 30))))
       END`;
    const admitted: unknown[] = await manager.query(
      `INSERT INTO login_account_throttle AS t (account_key, attempts, window_started_at, next_attempt_at)
       VALUES ($1, 1, $2, ${nextAfter('1', `'-infinity'::timestamptz`)})
       ON CONFLICT (account_key) DO UPDATE SET
         attempts = ${attempts},
         window_started_at = CASE WHEN t.window_started_at <= $3 THEN EXCLUDED.window_started_at
                                  ELSE t.window_started_at END,
         next_attempt_at = ${nextAfter(attempts, 't.next_attempt_at')}
       WHERE t.next_attempt_at <= EXCLUDED.window_started_at
       RETURNING attempts`,
      [
        key,
        now,
        this.before(now, this.accountWindowMs),
        this.options.accountFreeAttempts,
        this.options.accountMaxDelaySeconds,
        ACCOUNT_FIRST_DELAY_SECONDS,
      ],
    );
    if (admitted.length > 0) return;
    const [row] = (await manager.query(`SELECT next_attempt_at FROM login_account_throttle WHERE account_key = $1`, [
      key,
    ])) as { next_attempt_at: unknown }[];
    // '-infinity' (no delay pending, should the row have changed since) arrives as a number.
    const nextMs = row?.next_attempt_at instanceof Date ? row.next_attempt_at.getTime() : 0;
    throw this.refused('account', nextMs - now.getTime(), this.maxDelayMs);
  }

  /**
   * The refusal, with the time until the limit could admit an attempt: capped at the limit's
   * longest wait, should another instance's clock run ahead of ours; at least one second
   * (TooManyAttemptsError rounds up), should the row have changed since.
   */
  private refused(scope: 'pair' | 'account' | 'address', waitMs: number, longestMs: number): LoginThrottledError {
    return new LoginThrottledError(Math.min(Math.max(waitMs, 1000), longestMs) / 1000, scope);
  }

  private before(now: Date, ms: number): Date {
    return new Date(now.getTime() - ms);
  }

  private keysOf(emailKey: string, clientAddress: string | undefined): Keys {
    const network = clientAddress ? clientNetwork(clientAddress) : undefined;
    return {
      address: clientAddress ? addressKey(clientAddress) : undefined,
      pair: `pair:${this.hmac('pair', emailKey, network ?? null)}`,
      account: this.hmac('account', emailKey),
      known: network === undefined ? undefined : this.hmac('known', emailKey, network),
    };
  }

  /** Hex HMAC-SHA-256 of the parts, encoded so that no two different part lists collide. */
  private hmac(...parts: (string | null)[]): string {
    return createHmac('sha256', this.options.hashKey).update(JSON.stringify(parts), 'utf8').digest('hex');
  }
}

/** `address:<ip>`; an overlong value (not a real address) as its SHA-256. */
function addressKey(value: string): string {
  if (value.length <= MAX_PLAIN_KEY_LENGTH) return `address:${value}`;
  return `address:sha256:${createHash('sha256').update(value, 'utf8').digest('hex')}`;
}
