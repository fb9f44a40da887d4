import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, infraPaths } from '@platform/infra';
import { createTestDatabase, eventually, testInfra, uniqueGroupId, type TestDatabase } from '@platform/infra/testing';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, calculateJwkThumbprint } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type ServiceProcess } from './support/service-process.js';

// End to end: the real auth-service and gateway processes, real PostgreSQL and Kafka.
describe('gateway → auth-service', () => {
  const identityKey = randomBytes(32).toString('base64url');
  let database: TestDatabase;
  let keyDir: string;
  let auth: ServiceProcess;
  let gateway: ServiceProcess;
  let gatewayUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_e2e');
    keyDir = mkdtempSync(path.join(infraPaths().root, 'e2e-keys-'));
    const [authPort, authManagement, gatewayPort, gatewayManagement] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const common = { NODE_ENV: 'test', HOST: '127.0.0.1', IDENTITY_SIGNING_KEY: identityKey, LOG_LEVEL: 'info' };
    auth = await startService(
      'apps/auth-service/src/main.ts',
      {
        ...common,
        SERVICE_NAME: 'auth-service',
        PORT: String(authPort),
        MANAGEMENT_PORT: String(authManagement),
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        JWT_DEV_KEY_DIR: keyDir,
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      },
      `http://127.0.0.1:${authManagement}/health/ready`,
    );
    gateway = await startService(
      'apps/gateway/src/main.ts',
      {
        ...common,
        SERVICE_NAME: 'gateway',
        PORT: String(gatewayPort),
        MANAGEMENT_PORT: String(gatewayManagement),
        AUTH_SERVICE_URL: `http://127.0.0.1:${authPort}`,
        AUTH_SERVICE_READY_URL: `http://127.0.0.1:${authManagement}/health/ready`,
        UPSTREAM_TIMEOUT_MS: '2000',
        CORS_ORIGINS: 'https://app.example.com',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
      `http://127.0.0.1:${gatewayManagement}/health/ready`,
    );
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await auth?.stop();
    await database?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gatewayUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (route: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${gatewayUrl}${route}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  // Reads `topic` from the beginning until a message matches; a throwaway group, removed afterwards.
  async function findMessage(topic: string, matches: (message: KafkaMessage) => boolean): Promise<KafkaMessage> {
    const kafka = new Kafka({ clientId: 'e2e-reader', brokers: testInfra().kafkaBrokers, logLevel: logLevel.NOTHING });
    const groupId = uniqueGroupId('e2e');
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      return await new Promise<KafkaMessage>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message on ${topic}`)), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (!matches(message)) return;
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    } finally {
      await consumer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }

  // The status code of a hand-written request.
  function rawStatus(url: URL, request: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
        const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
        if (match) {
          socket.destroy();
          resolve(Number(match[1]));
        }
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`no status line, got: ${answer.slice(0, 200)}`)));
    });
  }

  async function session(email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
    await post('/v1/auth/register', { email, password, displayName: email.split('@')[0] });
    const login = await post('/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    return (await login.json()) as { accessToken: string; refreshToken: string };
  }

  it('registers, logs in, answers me, refreshes, detects reuse and logs out', async () => {
    const registered = await post('/v1/auth/register', {
      email: 'ada@example.com',
      password: 'analytical engine notes',
      displayName: 'Ada',
    });
    expect(registered.status).toBe(201);
    const login = await post('/v1/auth/login', { email: 'ada@example.com', password: 'analytical engine notes' });
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as { accessToken: string; refreshToken: string };

    const me = await get('/v1/auth/me', tokens.accessToken, { 'x-correlation-id': 'corr-e2e-me' });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'ada@example.com', roles: ['user'] });
    // One correlation id and one trace across both services' log lines for that request (stdout
    // is buffered by the logger, so the lines arrive shortly after the response).
    const linesOf = (service: ServiceProcess) =>
      service.logs().filter((line) => line['correlationId'] === 'corr-e2e-me');
    await eventually(
      'both services to log the request',
      () => linesOf(auth).length > 0 && linesOf(gateway).length > 0,
      10_000,
    );
    expect(linesOf(auth)[0]!['traceId']).toBe(linesOf(gateway)[0]!['traceId']);

    const refreshed = await post('/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { refreshToken: string };
    const reused = await post('/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(await reused.json()).toMatchObject({ code: 'AUTH.REFRESH_TOKEN_REUSED' });
    expect((await post('/v1/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);

    const again = (await (
      await post('/v1/auth/login', { email: 'ada@example.com', password: 'analytical engine notes' })
    ).json()) as {
      refreshToken: string;
    };
    expect((await post('/v1/auth/logout', { refreshToken: again.refreshToken })).status).toBe(204);
    expect((await post('/v1/auth/refresh', { refreshToken: again.refreshToken })).status).toBe(401);
  });

  it('publishes auth.user.registered on Kafka, in the trace of the registering request', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await post(
      '/v1/auth/register',
      { email: 'barbara@example.com', password: 'liskov substitution rules', displayName: 'Barbara' },
      { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const message = await findMessage('auth.user.v1', (candidate) => String(candidate.key) === id);
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    expect(headers['event-type']).toBe('auth.user.registered');
    expect(headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-`));
    expect(JSON.parse(String(message.value))).toMatchObject({
      type: 'auth.user.registered',
      aggregateId: id,
      payload: { userId: id, email: 'barbara@example.com', displayName: 'Barbara' },
    });
  });

  it('honours Idempotency-Key on registration: same body, same answer; another body, 422', async () => {
    const body = { email: 'idem@example.com', password: 'exactly once semantics', displayName: 'Idem' };
    const first = await post('/v1/auth/register', body, { 'idempotency-key': 'signup-7f3a' });
    expect(first.status).toBe(201);
    const again = await post('/v1/auth/register', body, { 'idempotency-key': 'signup-7f3a' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await post(
      '/v1/auth/register',
      { ...body, displayName: 'Other' },
      { 'idempotency-key': 'signup-7f3a' },
    );
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'GATEWAY.IDEMPOTENCY_KEY_REUSED' });
    const invalid = await post('/v1/auth/register', body, { 'idempotency-key': 'has spaces in it' });
    expect(invalid.status).toBe(400);
    // Without the key the duplicate reaches the auth-service, which refuses it.
    expect((await post('/v1/auth/register', body)).status).toBe(409);
  });

  it('answers bad input on every public route without a 5xx, and never logs the secrets it carried', async () => {
    const secret = 'Sup3r-Secret-Passphrase-123';
    const { accessToken } = await session('mallory@example.com', 'quiet orchard lanterns glow');
    const routes: [string, string][] = [
      ['POST', '/v1/auth/register'],
      ['POST', '/v1/auth/login'],
      ['POST', '/v1/auth/refresh'],
      ['POST', '/v1/auth/logout'],
      ['POST', '/v1/auth/logout-all'],
      ['POST', '/v1/auth/change-password'],
      ['GET', '/v1/auth/me'],
      ['GET', '/v1/admin/users?limit=abc&cursor=%00%ff&role=root&createdAfter=yesterday'],
      ['GET', '/v1/auth/.well-known/jwks.json'],
    ];
    let deep: unknown = { password: secret };
    for (let i = 0; i < 2000; i++) deep = { a: deep };
    const bodies: (string | undefined)[] = [
      '{"email": "x@example.com", "password": ',
      JSON.stringify({ email: 1, password: { value: secret }, displayName: [secret], refreshToken: 7 }),
      JSON.stringify({ email: 'x@example.com', password: secret, displayName: 'X', isAdmin: true, roles: ['admin'] }),
      JSON.stringify(deep),
      JSON.stringify({ password: secret, filler: 'x'.repeat(2 * 1024 * 1024) }),
      'null',
      '[]',
      undefined,
    ];
    const statuses: number[] = [];
    for (const [method, route] of routes) {
      for (const body of method === 'POST' ? bodies : [undefined]) {
        for (const token of [undefined, accessToken]) {
          const response = await fetch(`${gatewayUrl}${route}`, {
            method,
            headers: {
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              'x-correlation-id': 'é'.repeat(300),
              'x-request-id': '../../etc/passwd',
              'user-agent': `evil ${'ü'.repeat(4000)}`,
            },
            body,
          });
          statuses.push(response.status);
          await response.arrayBuffer();
        }
      }
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses).toContain(400);
    expect(statuses).toContain(413);

    // Header injection and oversized headers, on a raw socket (fetch refuses to send them).
    for (const raw of [
      'GET /v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Correlation-ID: a\rInjected: yes\r\n\r\n',
      `GET /v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(64 * 1024)}\r\n\r\n`,
    ]) {
      const status = await rawStatus(new URL(gatewayUrl), raw);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gateway.output()).not.toContain(secret);
    expect(auth.output()).not.toContain(secret);
  });

  it('keeps a browser’s refresh token in an HttpOnly cookie, and guards refresh and log-out against CSRF', async () => {
    await session('cookie@example.com', 'crumbs of a sturdy biscuit');
    const login = await post(
      '/v1/auth/login',
      { email: 'cookie@example.com', password: 'crumbs of a sturdy biscuit' },
      { 'x-refresh-token-transport': 'cookie' },
    );
    expect(login.status).toBe(200);
    const body = (await login.json()) as Record<string, unknown>;
    expect(body['refreshToken']).toBeUndefined();
    expect(body['refreshTokenInCookie']).toBe(true);
    const jar = (response: Response) =>
      Object.fromEntries(response.headers.getSetCookie().map((cookie) => [cookie.split('=')[0]!, cookie]));
    const set = jar(login);
    expect(set['__Host-refresh_token']).toMatch(/HttpOnly/);
    expect(set['__Host-refresh_token']).toMatch(/Secure/);
    expect(set['__Host-refresh_token']).toMatch(/SameSite=Strict/);
    expect(set['__Host-csrf_token']).not.toMatch(/HttpOnly/);
    const value = (cookie: string) => cookie.split(';')[0]!.split('=').slice(1).join('=');
    const cookieHeader = `__Host-refresh_token=${value(set['__Host-refresh_token']!)}; __Host-csrf_token=${value(set['__Host-csrf_token']!)}`;

    const forged = await post('/v1/auth/refresh', {}, { cookie: cookieHeader, 'x-refresh-token-transport': 'cookie' });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'GATEWAY.CSRF_REJECTED' });

    const refreshed = await post(
      '/v1/auth/refresh',
      {},
      { cookie: cookieHeader, 'x-csrf-token': value(set['__Host-csrf_token']!), 'x-refresh-token-transport': 'cookie' },
    );
    expect(refreshed.status).toBe(200);
    const next = jar(refreshed);
    expect(value(next['__Host-refresh_token']!)).not.toBe(value(set['__Host-refresh_token']!));

    const nextCookies = `__Host-refresh_token=${value(next['__Host-refresh_token']!)}; __Host-csrf_token=${value(next['__Host-csrf_token']!)}`;
    expect((await post('/v1/auth/logout', {}, { cookie: nextCookies })).status).toBe(403);
    const logout = await post(
      '/v1/auth/logout',
      {},
      { cookie: nextCookies, 'x-csrf-token': value(next['__Host-csrf_token']!) },
    );
    expect(logout.status).toBe(204);
    expect(jar(logout)['__Host-refresh_token']).toMatch(/Max-Age=0/);
  });

  it('sends security headers, and CORS only to the configured origin', async () => {
    const response = await get('/v1/auth/me');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    const preflight = (origin: string) =>
      fetch(`${gatewayUrl}/v1/auth/login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses tampered, expired, alg:none and wrong-key tokens with 401', async () => {
    const { accessToken } = await session('grace@example.com', 'compiler pioneer notes');
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['user', 'admin'] })).toString('base64url')}.${signature}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = decodeProtectedHeader(accessToken).kid!;
    const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);
    const otherKid = await calculateJwkThumbprint(await exportJWK(publicKey));
    const unknownKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: otherKid, typ: 'JWT' })
      .sign(privateKey);
    const expired = await new SignJWT({ ...claims, iat: 1_700_000_000, exp: 1_700_000_900 })
      .setProtectedHeader({ alg: 'ES256', kid: otherKid, typ: 'JWT' })
      .sign(privateKey);
    for (const token of [tampered, none, wrongKey, unknownKey, expired, 'garbage']) {
      const response = await get('/v1/auth/me', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    }
    expect((await get('/v1/auth/me')).status).toBe(401);
  });

  it('never lets a client choose its identity', async () => {
    const forged = await get('/v1/admin/users', undefined, {
      'x-identity-user-id': '0192f0c1-7a4e-7c3b-8f00-1234567890ab',
      'x-identity-roles': 'admin',
    });
    expect(forged.status).toBe(401);
    const { accessToken } = await session('eve@example.com', 'definitely not admin');
    const asUser = await get('/v1/admin/users', accessToken, { 'x-identity-roles': 'admin' });
    expect(asUser.status).toBe(403);
  });

  it('passes validation errors, a duplicate e-mail and the login throttle on as Problem Details', async () => {
    const invalid = await post('/v1/auth/register', { email: 7, password: true });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ status: 400, errors: expect.any(Array) });
    await session('linus@example.com', 'penguins all the way');
    const duplicate = await post('/v1/auth/register', {
      email: 'Linus@example.com',
      password: 'penguins all the way',
      displayName: 'L',
    });
    expect(duplicate.status).toBe(409);
    for (let i = 0; i < 3; i++)
      await post('/v1/auth/login', { email: 'linus@example.com', password: 'wrong guess here' });
    const limited = await post('/v1/auth/login', { email: 'linus@example.com', password: 'penguins all the way' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 Problem Details when the upstream is down, without a stack trace', async () => {
    await auth.stop();
    const response = await post('/v1/auth/login', { email: 'ada@example.com', password: 'analytical engine notes' });
    expect(response.status).toBe(503);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 503 });
    expect(JSON.stringify(body)).not.toContain('at ');
  });
});
