import { register } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { LoginThrottledError } from '../../src/application/ports/login-throttle.port.js';
import { AuthConfig } from '../../src/auth.config.js';
import { InvalidCredentialsError } from '../../src/domain/auth.errors.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

// The service's own defaults, so that these tests hold what production runs.
const defaults = new AuthConfig();
const PAIR_LIMIT = defaults.LOGIN_MAX_FAILURES_PER_PAIR;
const ADDRESS_LIMIT = defaults.LOGIN_MAX_FAILURES_PER_ADDRESS;
const WINDOW_SECONDS = defaults.LOGIN_WINDOW_SECONDS;
const FREE_ATTEMPTS = defaults.LOGIN_ACCOUNT_FREE_ATTEMPTS;
const MAX_DELAY_SECONDS = defaults.LOGIN_ACCOUNT_MAX_DELAY_SECONDS;
const KNOWN_ADDRESS_DAYS = defaults.LOGIN_KNOWN_ADDRESS_DAYS;

/** OWASP ASVS: at most this many failed attempts per hour on one account. */
const ASVS_HOURLY_CEILING = 100;

const WRONG_PASSWORD = 'a wrong guess, again';
const loopback = (n: number) => `127.0.0.${n}`;
/** The attacker's addresses: fifty loopback addresses, as in the lockout that was measured. */
const ATTACKER_ADDRESSES = Array.from({ length: 50 }, (_, i) => loopback(i + 1));

describe('login throttling without lockout', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_login_throttle', {
      throttle: {
        maxFailuresPerPair: PAIR_LIMIT,
        maxFailuresPerAddress: ADDRESS_LIMIT,
        windowSeconds: WINDOW_SECONDS,
        accountFreeAttempts: FREE_ATTEMPTS,
        accountMaxDelaySeconds: MAX_DELAY_SECONDS,
        knownAddressDays: KNOWN_ADDRESS_DAYS,
      },
    });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const logIn = (email: string, password: string, clientAddress: string) =>
    bed.useCases.logIn.execute({ email, password, clientAddress });
  const caught = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('expected a rejection'),
      (error: unknown) => error,
    );
  const refusal = async (promise: Promise<unknown>) => {
    const error = await caught(promise);
    expect(error).toBeInstanceOf(LoginThrottledError);
    return error as LoginThrottledError;
  };

  /**
   * An attacker guessing one account's password from `addresses` in turn, `burst` attempts at a
   * time, as fast as the throttle lets them: when every attempt of a burst is refused they wait
   * exactly the shortest Retry-After. Stops after `failures` failures got through or `seconds`
   * of (settable) clock. Resolves when each failure got through, in seconds from the start.
   */
  async function attack(
    email: string,
    { failures = Infinity, seconds = Infinity, burst = 1 }: { failures?: number; seconds?: number; burst?: number },
  ) {
    const start = bed.clock.now().getTime();
    const elapsed = () => (bed.clock.now().getTime() - start) / 1000;
    const admitted: number[] = [];
    const waits: number[] = [];
    let next = 0;
    while (admitted.length < failures && elapsed() < seconds) {
      const attempts = Array.from({ length: burst }, () =>
        logIn(email, WRONG_PASSWORD, ATTACKER_ADDRESSES[next++ % ATTACKER_ADDRESSES.length]!),
      );
      const refused: number[] = [];
      for (const result of await Promise.allSettled(attempts)) {
        if (result.status === 'fulfilled') throw new Error('the attacker logged in');
        if (result.reason instanceof InvalidCredentialsError) admitted.push(elapsed());
        else if (result.reason instanceof LoginThrottledError) refused.push(result.reason.retryAfterSeconds);
        else throw result.reason;
      }
      waits.push(...refused);
      if (refused.length === burst) bed.clock.advance(Math.min(...refused));
    }
    return { admitted, waits };
  }

  /** The most of `times` (seconds) that fall within one hour. */
  const mostInAnyHour = (times: number[]) => {
    let most = 0;
    for (let first = 0, last = 0; last < times.length; last += 1) {
      while (times[last]! - times[first]! >= 3600) first += 1;
      most = Math.max(most, last - first + 1);
    }
    return most;
  };

  it('lets the owner in from an address that never failed, after a handful of failures from others', async () => {
    // The lockout measured before: five wrong guesses from anywhere kept the owner out for 15 minutes.
    const owner = await bed.registerUser({ email: 'handful@example.com' });
    for (let n = 1; n <= 5; n += 1) {
      await expect(logIn('handful@example.com', WRONG_PASSWORD, loopback(n))).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }

    await expect(logIn('handful@example.com', GOOD_PASSWORD, loopback(99))).resolves.toMatchObject({
      userId: owner.id,
    });
  });

  it('answers an address never known, during an attack, with a short Retry-After and lets it in after it', async () => {
    const owner = await bed.registerUser({ email: 'flooded@example.com' });
    // Frozen: on a loaded machine the real time could outrun the short delays this test is about.
    bed.clock.freeze();
    onTestFinished(() => bed.clock.thaw());
    // 500 guesses from 50 addresses, 50 at a time.
    const outcomes: unknown[] = [];
    for (let round = 0; round < 10; round += 1) {
      const results = await Promise.allSettled(
        ATTACKER_ADDRESSES.map((address) => logIn('flooded@example.com', WRONG_PASSWORD, address)),
      );
      outcomes.push(...results.map((result) => (result.status === 'rejected' ? result.reason : result.value)));
    }
    // The free attempts, then refusals: the clock stands still, so no delay ends before the check below.
    const failures = outcomes.filter((outcome) => outcome instanceof InvalidCredentialsError).length;
    expect(failures).toBeGreaterThanOrEqual(FREE_ATTEMPTS);
    expect(failures).toBeLessThan(FREE_ATTEMPTS + 8);
    const refusals = outcomes.filter((outcome) => outcome instanceof LoginThrottledError);
    expect(refusals).toHaveLength(500 - failures);
    expect(Math.max(...refusals.map((refused) => refused.retryAfterSeconds))).toBeLessThanOrEqual(MAX_DELAY_SECONDS);

    const refused = await refusal(logIn('flooded@example.com', GOOD_PASSWORD, loopback(77)));
    expect(refused).toMatchObject({ scope: 'account', code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(MAX_DELAY_SECONDS);

    bed.clock.advance(refused.retryAfterSeconds);
    await expect(logIn('flooded@example.com', GOOD_PASSWORD, loopback(77))).resolves.toMatchObject({
      userId: owner.id,
    });
  });

  it('lets the owner in at once from an address known from an earlier log-in, after 120 failures', async () => {
    const owner = await bed.registerUser({ email: 'besieged@example.com' });
    await logIn('besieged@example.com', GOOD_PASSWORD, loopback(200));

    const { admitted } = await attack('besieged@example.com', { failures: 120 });
    expect(admitted).toHaveLength(120);

    // The account makes addresses it does not know wait right now...
    expect(await refusal(logIn('besieged@example.com', GOOD_PASSWORD, loopback(201)))).toMatchObject({
      scope: 'account',
    });
    // ...but not its owner's.
    await expect(logIn('besieged@example.com', GOOD_PASSWORD, loopback(200))).resolves.toMatchObject({
      userId: owner.id,
    });
  });

  it(`lets fewer than ${ASVS_HOURLY_CEILING} failures an hour through to one account, and never asks for a long wait`, async () => {
    await bed.registerUser({ email: 'budget@example.com' });

    const { admitted, waits } = await attack('budget@example.com', { seconds: 2 * 3600, burst: 5 });

    // The attacker got through the free attempts and more: the limit was measured, not a lockout.
    expect(admitted.length).toBeGreaterThan(2 * FREE_ATTEMPTS);
    expect(mostInAnyHour(admitted)).toBeLessThanOrEqual(ASVS_HOURLY_CEILING);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
  });

  it('makes an address never known wait 1 s, 2 s, 4 s… up to the cap, once the free attempts are used', async () => {
    await bed.registerUser({ email: 'ramp@example.com' });
    for (let n = 1; n <= FREE_ATTEMPTS; n += 1) {
      await expect(logIn('ramp@example.com', WRONG_PASSWORD, loopback(n))).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }

    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const refused = await refusal(logIn('ramp@example.com', WRONG_PASSWORD, loopback(100 + i)));
      expect(refused.scope).toBe('account');
      waits.push(refused.retryAfterSeconds);
      // After the wait it tells, the same address gets its attempt.
      bed.clock.advance(refused.retryAfterSeconds);
      await expect(logIn('ramp@example.com', WRONG_PASSWORD, loopback(100 + i))).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }

    // Each wait doubles the last, up to the cap; give or take the second the real clock ran on.
    const expected = waits.map((_, i) => Math.min(MAX_DELAY_SECONDS, 2 ** i));
    expect(expected).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    waits.forEach((wait, i) => {
      expect(wait).toBeLessThanOrEqual(expected[i]!);
      expect(wait).toBeGreaterThanOrEqual(Math.max(1, expected[i]! - 1));
    });
  });

  it('blocks one account at one address after its limit, and only that pair, until its window ends', async () => {
    const owner = await bed.registerUser({ email: 'pair@example.com' });
    for (let i = 0; i < PAIR_LIMIT; i += 1) {
      await expect(logIn('pair@example.com', WRONG_PASSWORD, loopback(60))).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }

    const refused = await refusal(logIn('pair@example.com', GOOD_PASSWORD, loopback(60)));
    expect(refused.scope).toBe('pair');
    expect(refused.retryAfterSeconds).toBeGreaterThan(MAX_DELAY_SECONDS);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
    // The account is not blocked, nor the address for other accounts.
    await expect(logIn('pair@example.com', GOOD_PASSWORD, loopback(61))).resolves.toMatchObject({ userId: owner.id });
    const neighbour = await bed.registerUser({ email: 'neighbour@example.com' });
    await expect(logIn('neighbour@example.com', GOOD_PASSWORD, loopback(60))).resolves.toMatchObject({
      userId: neighbour.id,
    });

    bed.clock.advance(refused.retryAfterSeconds);
    await expect(logIn('pair@example.com', GOOD_PASSWORD, loopback(60))).resolves.toMatchObject({ userId: owner.id });
  });

  it('counts an IPv6 client by its /64: a new address in the same network is the same pair', async () => {
    const owner = await bed.registerUser({ email: 'ipv6@example.com' });
    for (let i = 1; i <= PAIR_LIMIT; i += 1) {
      await expect(logIn('ipv6@example.com', WRONG_PASSWORD, `2001:db8:7:1::${i}`)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }

    expect(await refusal(logIn('ipv6@example.com', GOOD_PASSWORD, '2001:db8:7:1:aaaa:bbbb:cccc:dddd'))).toMatchObject({
      scope: 'pair',
    });
    await expect(logIn('ipv6@example.com', GOOD_PASSWORD, '2001:db8:7:2::1')).resolves.toMatchObject({
      userId: owner.id,
    });
  });

  it('counts every log-in by outcome, and a refused one by the limit that refused it', async () => {
    const counts = async () => {
      const metric = register.getSingleMetric('auth_login_attempts_total');
      expect(metric).toBeDefined();
      const { values } = await metric!.get();
      return Object.fromEntries(values.map(({ labels, value }) => [`${labels['outcome']}/${labels['scope']}`, value]));
    };
    const before = await counts();
    await bed.registerUser({ email: 'counted@example.com' });
    await bed.registerUser({ email: 'counted-account@example.com' });

    await logIn('counted@example.com', GOOD_PASSWORD, loopback(210));
    await expect(logIn('counted@example.com', WRONG_PASSWORD, loopback(211))).rejects.toThrow(InvalidCredentialsError);
    for (let i = 0; i < PAIR_LIMIT; i += 1) {
      await expect(logIn('counted@example.com', WRONG_PASSWORD, loopback(212))).rejects.toThrow(
        InvalidCredentialsError,
      );
    }
    expect(await refusal(logIn('counted@example.com', WRONG_PASSWORD, loopback(212)))).toMatchObject({
      scope: 'pair',
    });
    for (let i = 0; i < ADDRESS_LIMIT; i += 1) {
      await expect(logIn(`nobody${i}@example.com`, WRONG_PASSWORD, loopback(213))).rejects.toThrow(
        InvalidCredentialsError,
      );
    }
    expect(await refusal(logIn('nobody@example.com', WRONG_PASSWORD, loopback(213)))).toMatchObject({
      scope: 'address',
    });
    for (let i = 0; i < FREE_ATTEMPTS; i += 1) {
      await expect(logIn('counted-account@example.com', WRONG_PASSWORD, loopback(220 + i))).rejects.toThrow(
        InvalidCredentialsError,
      );
    }
    expect(await refusal(logIn('counted-account@example.com', WRONG_PASSWORD, loopback(240)))).toMatchObject({
      scope: 'account',
    });

    const after = await counts();
    const delta = (series: string) => (after[series] ?? 0) - (before[series] ?? 0);
    expect({
      success: delta('success/none'),
      invalid: delta('invalid_credentials/none'),
      pair: delta('throttled/pair'),
      account: delta('throttled/account'),
      address: delta('throttled/address'),
    }).toEqual({
      success: 1,
      invalid: 1 + PAIR_LIMIT + ADDRESS_LIMIT + FREE_ATTEMPTS,
      pair: 1,
      account: 1,
      address: 1,
    });
  });

  it('keeps no e-mail address or client address in plain in the account, pair and known-address rows', async () => {
    const rows: { key: string }[] = await bed.dataSource.query(
      `SELECT account_key AS key FROM login_account_throttle
       UNION ALL SELECT key FROM login_known_addresses
       UNION ALL SELECT key FROM login_throttle WHERE key LIKE 'pair:%'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { key } of rows) expect(key).toMatch(/^(pair:)?[0-9a-f]{64}$/);
  });

  // Last: it moves the clock months ahead.
  it('forgets a known address LOGIN_KNOWN_ADDRESS_DAYS after its last log-in, and purges it', async () => {
    await bed.registerUser({ email: 'returning@example.com' });
    await logIn('returning@example.com', GOOD_PASSWORD, loopback(150));
    const knownAddresses = async () =>
      (await bed.dataSource.query(`SELECT count(*)::int AS n FROM login_known_addresses`))[0].n as number;
    const knownBefore = await knownAddresses();

    bed.clock.advance(KNOWN_ADDRESS_DAYS * 24 * 3600 + 1);
    for (let n = 1; n <= FREE_ATTEMPTS; n += 1) {
      await expect(logIn('returning@example.com', WRONG_PASSWORD, loopback(n))).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    expect(await refusal(logIn('returning@example.com', GOOD_PASSWORD, loopback(150)))).toMatchObject({
      scope: 'account',
    });

    await expect(bed.throttle.purgeExpired()).resolves.toBeGreaterThanOrEqual(knownBefore);
    expect(await knownAddresses()).toBe(0);
  });
});
