import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottledError } from '../../src/application/ports/login-throttle.port.js';
import { InvalidCredentialsError, TooManyAttemptsError } from '../../src/domain/auth.errors.js';
import { User } from '../../src/domain/user.js';
import { Argon2PasswordHasher } from '../../src/infrastructure/secondary-adapters/crypto/argon2-password-hasher.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

describe('logging in', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_log_in', {
      throttle: { maxFailuresPerPair: 3, maxFailuresPerAddress: 5, windowSeconds: 300, accountFreeAttempts: 5 },
    });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const throttleRow = async (key: string) =>
    (await bed.dataSource.query(`SELECT failures, window_started_at FROM login_throttle WHERE key = $1`, [key]))[0] as
      { failures: number; window_started_at: Date } | undefined;
  const refreshTokenCount = async (userId: string) =>
    (await bed.dataSource.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1`, [userId]))[0]
      .n as number;
  const caught = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('expected a rejection'),
      (error: unknown) => error,
    );

  it('gives an access token the gateway accepts and a refresh token stored only as its SHA-256', async () => {
    const user = await bed.registerUser({ email: 'ada@example.com' });

    const tokens = await bed.useCases.logIn.execute({
      email: ' ADA@example.com',
      password: GOOD_PASSWORD,
      clientAddress: '192.0.2.10',
    });

    expect(tokens).toMatchObject({ userId: user.id, roles: ['user'], tokenType: 'Bearer', expiresIn: 900 });
    const verified = await bed.verifier.verify(tokens.accessToken);
    expect(verified).toMatchObject({ userId: user.id, roles: ['user'], tokenId: tokens.accessTokenId });

    const sha256 = createHash('sha256').update(tokens.refreshToken).digest('hex');
    const rows = await bed.dataSource.query(`SELECT * FROM refresh_tokens WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      token_hash: sha256,
      family_id: tokens.sessionId,
      rotated_at: null,
      revoked_at: null,
      revoked_reason: null,
    });
    expect(rows[0].expires_at.getTime() - rows[0].issued_at.getTime()).toBe(3600_000);
    expect(rows[0].expires_at).toEqual(tokens.refreshTokenExpiresAt);
    expect(JSON.stringify(rows)).not.toContain(tokens.refreshToken);
  });

  it('answers an unknown address and a wrong password alike', async () => {
    await bed.registerUser({ email: 'barbara@example.com' });

    const unknown = await caught(bed.useCases.logIn.execute({ email: 'nobody@example.com', password: GOOD_PASSWORD }));
    const wrong = await caught(
      bed.useCases.logIn.execute({ email: 'barbara@example.com', password: 'not the password' }),
    );
    const malformed = await caught(bed.useCases.logIn.execute({ email: 'not an address', password: GOOD_PASSWORD }));

    for (const error of [unknown, wrong, malformed]) {
      expect(error).toBeInstanceOf(InvalidCredentialsError);
      expect(error).toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
        message: (unknown as InvalidCredentialsError).message,
        details: (unknown as InvalidCredentialsError).details,
      });
    }
  });

  it('blocks one account at one client address after too many failures, that pair only, until its window ends', async () => {
    const user = await bed.registerUser({ email: 'radia@example.com' });
    for (let i = 0; i < 3; i += 1) {
      await expect(
        bed.useCases.logIn.execute({
          email: 'radia@example.com',
          password: 'wrong password!',
          clientAddress: '203.0.113.1',
        }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }

    // Even the right password, from that address: the pair is what is blocked...
    const blocked = await caught(
      bed.useCases.logIn.execute({ email: 'Radia@example.com', password: GOOD_PASSWORD, clientAddress: '203.0.113.1' }),
    );
    expect(blocked).toBeInstanceOf(LoginThrottledError);
    expect(blocked).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS', scope: 'pair' });
    const { retryAfterSeconds } = blocked as TooManyAttemptsError;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(300);
    expect(await refreshTokenCount(user.id)).toBe(0);

    // ...not the account: its owner gets in from anywhere else.
    await expect(
      bed.useCases.logIn.execute({ email: 'radia@example.com', password: GOOD_PASSWORD, clientAddress: '203.0.113.4' }),
    ).resolves.toMatchObject({ userId: user.id });

    bed.clock.advance(retryAfterSeconds);
    await expect(
      bed.useCases.logIn.execute({ email: 'radia@example.com', password: GOOD_PASSWORD, clientAddress: '203.0.113.1' }),
    ).resolves.toMatchObject({ userId: user.id });
  });

  it('blocks a client address that fails on many accounts, and only that address', async () => {
    const user = await bed.registerUser({ email: 'frances@example.com' });
    const address = '198.51.100.7';
    for (let i = 0; i < 5; i += 1) {
      await expect(
        bed.useCases.logIn.execute({ email: `guess${i}@example.com`, password: GOOD_PASSWORD, clientAddress: address }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }

    const blocked = await caught(
      bed.useCases.logIn.execute({ email: 'frances@example.com', password: GOOD_PASSWORD, clientAddress: address }),
    );
    expect(blocked).toBeInstanceOf(LoginThrottledError);
    expect(blocked).toMatchObject({ scope: 'address' });
    expect((blocked as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await throttleRow(`address:${address}`)).toMatchObject({ failures: 5 });

    await expect(
      bed.useCases.logIn.execute({
        email: 'frances@example.com',
        password: GOOD_PASSWORD,
        clientAddress: '198.51.100.8',
      }),
    ).resolves.toMatchObject({ userId: user.id });
  });

  it("clears the pair's attempts on success, but not the client address's failures", async () => {
    const user = await bed.registerUser({ email: 'joan@example.com' });
    const attempt = (password: string) =>
      bed.useCases.logIn.execute({ email: 'joan@example.com', password, clientAddress: '192.0.2.77' });

    await expect(attempt('wrong password 1')).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(attempt('wrong password 2')).rejects.toBeInstanceOf(InvalidCredentialsError);
    await attempt(GOOD_PASSWORD);

    // Two more failures and a third attempt would have been refused without the reset (3 allowed).
    await expect(attempt('wrong password 3')).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(attempt('wrong password 4')).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(attempt(GOOD_PASSWORD)).resolves.toMatchObject({ userId: user.id });
    expect(await throttleRow('address:192.0.2.77')).toMatchObject({ failures: 4 });
  });

  it('counts every one of many simultaneous failures of a client address', async () => {
    await Promise.all(
      Array.from({ length: 12 }, () => bed.ports.loginThrottle.recordFailure('hammered@example.com', '192.0.2.200')),
    );

    expect(await throttleRow('address:192.0.2.200')).toMatchObject({ failures: 12 });
  });

  it('lets through no more simultaneous attempts than a pair, or an account, has left', async () => {
    const settle = (attempts: Promise<void>[]) => Promise.allSettled(attempts);
    const fromOne = await settle(
      Array.from({ length: 12 }, () => bed.ports.loginThrottle.check('concurrent@example.com', '192.0.2.201')),
    );
    expect(fromOne.filter(({ status }) => status === 'fulfilled')).toHaveLength(3);
    for (const result of fromOne.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(result.reason).toMatchObject({ scope: 'pair' });
    }

    // From twelve addresses at once: the account's free attempts, then one at a time.
    const fromMany = await settle(
      Array.from({ length: 12 }, (_, i) => bed.ports.loginThrottle.check('crowd@example.com', `192.0.2.${210 + i}`)),
    );
    expect(fromMany.filter(({ status }) => status === 'fulfilled')).toHaveLength(
      bed.throttleSettings.accountFreeAttempts,
    );
    for (const result of fromMany.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(result.reason).toMatchObject({ scope: 'account' });
      // The first delay, counted from each attempt's own clock reading.
      expect((result.reason as TooManyAttemptsError).retryAfterSeconds).toBeLessThanOrEqual(
        bed.throttleSettings.accountMaxDelaySeconds,
      );
    }
  });

  it('starts a new window with the first failure after the last one ended, and purges ended windows', async () => {
    await bed.ports.loginThrottle.recordFailure('window@example.com', '192.0.2.90');
    await bed.ports.loginThrottle.recordFailure('window@example.com', '192.0.2.90');
    const first = await throttleRow('address:192.0.2.90');
    expect(first).toMatchObject({ failures: 2 });

    bed.clock.advance(300);
    await bed.ports.loginThrottle.recordFailure('window@example.com', '192.0.2.90');
    const second = await throttleRow('address:192.0.2.90');
    expect(second!.failures).toBe(1);
    expect(second!.window_started_at.getTime()).toBeGreaterThan(first!.window_started_at.getTime());

    await bed.ports.loginThrottle.recordFailure('stale@example.com', '192.0.2.91');
    bed.clock.advance(300);
    await bed.ports.loginThrottle.recordFailure('fresh@example.com', '192.0.2.92');
    await expect(bed.throttle.purgeExpired()).resolves.toBeGreaterThanOrEqual(1);
    expect(await throttleRow('address:192.0.2.91')).toBeUndefined();
    expect(await throttleRow('address:192.0.2.92')).toMatchObject({ failures: 1 });
  });

  it('throttles an overlong e-mail input like any other, under a hashed key', async () => {
    const junk = `${'x'.repeat(5000)}@example.com`;
    const overlongAddress = `${'9'.repeat(1000)}`;
    for (let i = 0; i < 3; i += 1) {
      await expect(
        bed.useCases.logIn.execute({ email: junk, password: GOOD_PASSWORD, clientAddress: overlongAddress }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(
      bed.useCases.logIn.execute({ email: junk, password: GOOD_PASSWORD, clientAddress: overlongAddress }),
    ).rejects.toBeInstanceOf(TooManyAttemptsError);
    const keys: { key: string }[] = await bed.dataSource.query(
      `SELECT key FROM login_throttle UNION ALL SELECT account_key FROM login_account_throttle`,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every(({ key }) => key.length < 400)).toBe(true);
  });

  it('re-hashes a password stored with older parameters, without ending sessions', async () => {
    const summary = await bed.registerUser({ email: 'evelyn@example.com' });
    const older = new Argon2PasswordHasher({ memoryKiB: 4096, iterations: 2, parallelism: 1 });
    const stale = User.restore({
      ...(await bed.ports.users.findById(summary.id))!.toState(),
      passwordHash: await older.hash(GOOD_PASSWORD),
    });
    await bed.ports.users.save(stale);
    expect(bed.passwordHasher.needsRehash(stale.passwordHash)).toBe(true);

    await bed.useCases.logIn.execute({ email: 'evelyn@example.com', password: GOOD_PASSWORD });

    const upgraded = (await bed.ports.users.findById(summary.id))!;
    expect(upgraded.passwordHash).not.toBe(stale.passwordHash);
    expect(bed.passwordHasher.needsRehash(upgraded.passwordHash)).toBe(false);
    await expect(bed.passwordHasher.verify(upgraded.passwordHash, GOOD_PASSWORD)).resolves.toBe(true);
    expect(upgraded.passwordChangedAt).toEqual(summary.createdAt);
    expect(upgraded.tokensValidAfter).toBeUndefined();
  });
});
