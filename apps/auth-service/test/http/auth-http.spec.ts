import { randomBytes } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import { signIdentity } from '@platform/identity';
import { createTestDatabase, testInfra, type TestDatabase } from '@platform/infra/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../src/app.module.js';
import { AuthConfig } from '../../src/auth.config.js';

const identityKey = randomBytes(32).toString('base64url');

describe('auth-service over HTTP', () => {
  let database: TestDatabase;
  let service: RunningService<AuthConfig>;
  let keyDir: string;
  const logs = new PassThrough();
  const logText: string[] = [];
  logs.on('data', (chunk: Buffer) => logText.push(chunk.toString()));

  beforeAll(async () => {
    database = await createTestDatabase('auth_http');
    keyDir = mkdtempSync(path.join(tmpdir(), 'auth-keys-'));
    service = await bootstrapService({
      name: 'auth-service',
      module: AppModule,
      config: AuthConfig,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        IDENTITY_SIGNING_KEY: identityKey,
        JWT_DEV_KEY_DIR: keyDir,
        LOGIN_MAX_FAILURES_PER_PAIR: '3',
      },
      logStream: logs,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await service?.shutdown('test over').catch(() => undefined);
    await database?.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${service.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  // A client at `localAddress` (any 127.0.0.0/8 address): not a trusted proxy, so the service
  // sees that address as the client's, as it would a client's behind the gateway.
  const postFrom = (localAddress: string, route: string, body: unknown) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Record<string, unknown> }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const outgoing = request(
        `${service.url}${route}`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>,
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });

  // auth_login_attempts_total by `outcome/scope`, as the management port's /metrics shows it.
  const loginAttempts = async () => {
    const text = await (await fetch(`${service.managementUrl}/metrics`)).text();
    const series: Record<string, number> = {};
    for (const [, labels, value] of text.matchAll(/^auth_login_attempts_total\{([^}]*)\} (\S+)$/gm)) {
      const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(labels!)?.[1];
      series[`${label('outcome')}/${label('scope')}`] = Number(value);
    }
    expect(Object.keys(series).sort()).toEqual([
      'invalid_credentials/none',
      'success/none',
      'throttled/account',
      'throttled/address',
      'throttled/pair',
    ]);
    return series;
  };

  // What the gateway adds once it has verified an access token.
  const asUser = (method: string, route: string, token: string) => {
    const claims = decodeJwt(token);
    return signIdentity(
      { userId: claims.sub!, roles: claims['roles'] as string[], tokenIssuedAt: claims.iat! },
      { method, path: route },
      identityKey,
    );
  };

  it('registers, logs in, answers me, rotates the refresh token and detects its reuse', async () => {
    const password = 'correct horse battery staple';
    const registered = await post('/v1/auth/register', { email: ' Ada@Example.com ', password, displayName: 'Ada' });
    expect(registered.status).toBe(201);
    const user = (await registered.json()) as { id: string; email: string; roles: string[] };
    expect(user).toMatchObject({ email: 'ada@example.com', roles: ['user'] });

    const login = await post('/v1/auth/login', { email: 'ada@example.com', password });
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as { accessToken: string; refreshToken: string; tokenType: string };
    expect(tokens.tokenType).toBe('Bearer');
    const header = decodeProtectedHeader(tokens.accessToken);
    expect(header.alg).toBe('ES256');
    const jwks = (await (await fetch(`${service.url}/v1/auth/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys.map((key) => key.kid)).toContain(header.kid);
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);

    const me = await fetch(`${service.url}/v1/auth/me`, { headers: asUser('GET', '/v1/auth/me', tokens.accessToken) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: user.id, email: 'ada@example.com' });

    const refreshed = await post('/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { refreshToken: string };
    expect(next.refreshToken).not.toBe(tokens.refreshToken);

    const reused = await post('/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(await reused.json()).toMatchObject({ status: 401, code: 'AUTH.REFRESH_TOKEN_REUSED' });
    // The whole family is revoked: the newest token is dead too.
    expect((await post('/v1/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);

    const text = logText.join('');
    expect(text).not.toContain(password);
    expect(text).not.toContain(tokens.refreshToken);
    expect(text).not.toContain(tokens.accessToken);
  });

  it('refuses identity headers the gateway did not sign', async () => {
    const forged = { 'x-identity-user-id': '0192f0c1-7a4e-7c3b-8f00-1234567890ab', 'x-identity-roles': 'admin' };
    const response = await fetch(`${service.url}/v1/admin/users`, { headers: forged });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('answers validation errors, a duplicate e-mail and a weak password as Problem Details', async () => {
    const invalid = await post('/v1/auth/register', { email: 42, password: 'x', extra: true });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { errors: { field: string }[] };
    expect([...new Set(body.errors.map((error) => error.field))].sort()).toEqual(['displayName', 'email', 'extra']);

    const weak = await post('/v1/auth/register', {
      email: 'grace@example.com',
      password: 'password1234',
      displayName: 'Grace',
    });
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({ errors: [{ field: 'password' }] });

    const first = await post('/v1/auth/register', {
      email: 'linus@example.com',
      password: 'a long enough passphrase',
      displayName: 'Linus',
    });
    expect(first.status).toBe(201);
    const duplicate = await post('/v1/auth/register', {
      email: 'LINUS@example.com',
      password: 'another long passphrase',
      displayName: 'L',
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: 'AUTH.EMAIL_TAKEN' });
  });

  it('answers unknown e-mail and wrong password alike; refuses one guessing client with 429, never the owner', async () => {
    await post('/v1/auth/register', { email: 'bob@example.com', password: 'bobs long passphrase', displayName: 'Bob' });
    const wrongGuess = { email: 'bob@example.com', password: 'not the passphrase' };
    const before = await loginAttempts();

    const unknown = await postFrom('127.0.0.2', '/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'whatever',
    });
    const wrong = await postFrom('127.0.0.2', '/v1/auth/login', wrongGuess);
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect({ code: unknown.body.code, detail: unknown.body.detail }).toEqual({
      code: wrong.body.code,
      detail: wrong.body.detail,
    });

    // Wrong guesses from five other addresses used to lock the account for 15 minutes.
    for (const address of ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7']) {
      expect((await postFrom(address, '/v1/auth/login', wrongGuess)).status).toBe(401);
    }
    const owner = await postFrom('127.0.0.9', '/v1/auth/login', {
      email: 'bob@example.com',
      password: 'bobs long passphrase',
    });
    expect(owner.status).toBe(200);

    // One client guessing at one account is refused after LOGIN_MAX_FAILURES_PER_PAIR (3).
    expect((await postFrom('127.0.0.2', '/v1/auth/login', wrongGuess)).status).toBe(401);
    expect((await postFrom('127.0.0.2', '/v1/auth/login', wrongGuess)).status).toBe(401);
    const limited = await postFrom('127.0.0.2', '/v1/auth/login', {
      email: 'bob@example.com',
      password: 'bobs long passphrase',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS', title: 'Too many attempts' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(limited.body.detail).toContain(`${retryAfter} seconds`);

    const after = await loginAttempts();
    const delta = (series: string) => (after[series] ?? 0) - (before[series] ?? 0);
    expect({
      success: delta('success/none'),
      invalid: delta('invalid_credentials/none'),
      pair: delta('throttled/pair'),
      account: delta('throttled/account'),
      address: delta('throttled/address'),
    }).toEqual({ success: 1, invalid: 9, pair: 1, account: 0, address: 0 });
  });

  it('lets only admins list users', async () => {
    await post('/v1/auth/register', {
      email: 'carol@example.com',
      password: 'velvet morning harbour lights',
      displayName: 'Carol',
    });
    const login = await post('/v1/auth/login', {
      email: 'carol@example.com',
      password: 'velvet morning harbour lights',
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const forbidden = await fetch(`${service.url}/v1/admin/users`, {
      headers: asUser('GET', '/v1/admin/users', accessToken),
    });
    expect(forbidden.status).toBe(403);
    const claims = decodeJwt(accessToken);
    const admin = signIdentity(
      { userId: claims.sub!, roles: ['user', 'admin'], tokenIssuedAt: claims.iat! },
      { method: 'GET', path: '/v1/admin/users?limit=2' },
      identityKey,
    );
    const page = await fetch(`${service.url}/v1/admin/users?limit=2`, { headers: admin });
    expect(page.status).toBe(200);
    const body = (await page.json()) as { items: unknown[]; nextCursor: string | null };
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).toEqual(expect.any(String));
  });
});
