import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { createGatewayClient, type GatewayClient, type TokenResponse } from '@platform/gateway-client';
import { repoRoot } from '@platform/infra';
import { eventually, findMessage, type TestDatabase } from '@platform/infra/testing';
import { decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, calculateJwkThumbprint } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';
import type { ServiceProcess } from './support/service-process.js';

// End to end: the real auth-service and gateway processes, real PostgreSQL and Kafka. Calls go
// through the typed client generated from the committed contract (@platform/gateway-client), and
// every answer is checked against that contract (status, content type, body, no undocumented
// field). Only the hostile-input sweep and the CORS preflight speak raw HTTP: they send what no
// typed client would.
describe('gateway → auth-service', () => {
  let system: E2eSystem;
  let database: TestDatabase;
  let auth: ServiceProcess;
  let gateway: ServiceProcess;
  let gatewayUrl: string;
  let api: GatewayClient;

  beforeAll(async () => {
    system = await startE2eSystem({
      databasePrefix: 'gateway_e2e',
      auth: { LOGIN_MAX_FAILURES_PER_PAIR: '3' },
      gateway: {
        UPSTREAM_TIMEOUT_MS: '2000',
        CORS_ORIGINS: 'https://app.example.com',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    ({ database, auth, gateway, gatewayUrl } = system);
    api = checked(createGatewayClient({ baseUrl: gatewayUrl }));
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  // Every answer the client receives is checked against the committed contract.
  const conformance = contractConformance();
  const checked = (client: GatewayClient) => {
    client.use(conformance);
    return client;
  };
  /** A client that sends `token` as its access token. */
  const signedIn = (token: string) => checked(createGatewayClient({ baseUrl: gatewayUrl, accessToken: () => token }));

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

  async function session(email: string, password: string): Promise<TokenResponse> {
    await api.POST('/v1/auth/register', { body: { email, password, displayName: email.split('@')[0]! } });
    const { data, response } = await api.POST('/v1/auth/login', { body: { email, password } });
    expect(response.status).toBe(200);
    return data!;
  }

  it('registers, logs in, answers me, refreshes, detects reuse and logs out', async () => {
    const password = 'analytical engine notes';
    const registered = await api.POST('/v1/auth/register', {
      body: { email: ' Ada@Example.com ', password, displayName: 'Ada' },
    });
    expect(registered.response.status).toBe(201);
    expect(registered.data).toMatchObject({ email: 'ada@example.com', displayName: 'Ada', roles: ['user'] });
    const login = await api.POST('/v1/auth/login', { body: { email: 'ada@example.com', password } });
    expect(login.response.status).toBe(200);
    const tokens = login.data!;
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });

    const me = await signedIn(tokens.accessToken).GET('/v1/auth/me', {
      headers: { 'x-correlation-id': 'corr-e2e-me' },
    });
    expect(me.response.status).toBe(200);
    expect(me.data).toMatchObject({ id: registered.data!.id, email: 'ada@example.com', roles: ['user'] });
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

    const refresh = (refreshToken: string) => api.POST('/v1/auth/refresh', { body: { refreshToken } });
    const refreshed = await refresh(tokens.refreshToken!);
    expect(refreshed.response.status).toBe(200);
    expect(refreshed.data!.refreshToken).not.toBe(tokens.refreshToken);
    const reused = await refresh(tokens.refreshToken!);
    expect(reused.response.status).toBe(401);
    expect(reused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(reused.error).toMatchObject({ status: 401, code: 'AUTH.REFRESH_TOKEN_REUSED' });
    // Reuse revoked the whole family, the token refreshed a moment ago included.
    expect((await refresh(refreshed.data!.refreshToken!)).response.status).toBe(401);

    const again = await api.POST('/v1/auth/login', { body: { email: 'ada@example.com', password } });
    const logout = await api.POST('/v1/auth/logout', { body: { refreshToken: again.data!.refreshToken! } });
    expect(logout.response.status).toBe(204);
    expect((await refresh(again.data!.refreshToken!)).response.status).toBe(401);
  });

  it('changes the password: the old one stops working and every session must log in again', async () => {
    const email = 'hedy@example.com';
    const tokens = await session(email, 'frequency hopping spread');
    const changed = await signedIn(tokens.accessToken).POST('/v1/auth/change-password', {
      body: { currentPassword: 'frequency hopping spread', newPassword: 'torpedo guidance patent' },
    });
    expect(changed.response.status).toBe(204);
    expect((await api.POST('/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken! } })).response.status).toBe(
      401,
    );
    const old = await api.POST('/v1/auth/login', { body: { email, password: 'frequency hopping spread' } });
    expect(old.response.status).toBe(401);
    const fresh = await api.POST('/v1/auth/login', { body: { email, password: 'torpedo guidance patent' } });
    expect(fresh.response.status).toBe(200);

    const everywhere = await signedIn(fresh.data!.accessToken).POST('/v1/auth/logout-all');
    expect(everywhere.response.status).toBe(204);
    expect(
      (await api.POST('/v1/auth/refresh', { body: { refreshToken: fresh.data!.refreshToken! } })).response.status,
    ).toBe(401);
  });

  it('lets an admin list users a page at a time, and forbids it to a user', async () => {
    const email = 'root@example.com';
    const password = 'keys to the kingdom';
    const asUser = await session(email, password);
    const forbidden = await signedIn(asUser.accessToken).GET('/v1/admin/users');
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error).toMatchObject({ status: 403 });

    // The documented command promotes the account; the roles travel in the next access token.
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'apps/auth-service/src/infrastructure/primary-adapters/cli/create-admin.ts',
        '--email',
        email,
      ],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'error' } },
    );
    const asAdmin = (await api.POST('/v1/auth/login', { body: { email, password } })).data!;
    const admin = signedIn(asAdmin.accessToken);
    const first = await admin.GET('/v1/admin/users', { params: { query: { limit: 2 } } });
    expect(first.response.status).toBe(200);
    expect(first.data!.items).toHaveLength(2);
    expect(first.data!.nextCursor).toEqual(expect.any(String));
    const second = await admin.GET('/v1/admin/users', {
      params: { query: { limit: 2, cursor: first.data!.nextCursor! } },
    });
    expect(second.response.status).toBe(200);
    const firstIds = first.data!.items.map((user) => user.id);
    expect(second.data!.items.some((user) => firstIds.includes(user.id))).toBe(false);
    const admins = await admin.GET('/v1/admin/users', { params: { query: { role: 'admin' } } });
    expect(admins.data!.items.map((user) => user.email)).toEqual([email]);
    const invalid = await admin.GET('/v1/admin/users', { params: { query: { limit: 1000 } } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error!.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'limit' })]));
  });

  // After the admin test: its admin (root@example.com) erases a user here.
  it('erases an account with its password or by an admin; the erased user’s access token is refused', async () => {
    const password = 'right to be forgotten';
    const tokens = await session('forget-me@example.com', password);
    const me = signedIn(tokens.accessToken);
    const wrong = await me.DELETE('/v1/me', { body: { password: 'not the password' } });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });

    const erased = await me.DELETE('/v1/me', { body: { password } });
    expect(erased.response.status).toBe(202);
    expect(erased.data).toEqual({ erasureId: expect.any(String), status: 'pending' });
    // auth.user.sessions-revoked (reason `erased`) reaches the gateway's revocation feed.
    await eventually('the erased user’s access token refused', async () => {
      return (await me.GET('/v1/auth/me')).response.status === 401;
    });
    expect(
      (await api.POST('/v1/auth/login', { body: { email: 'forget-me@example.com', password } })).response.status,
    ).toBe(401);

    const victim = await session('erased-by-admin@example.com', 'an admin will erase this');
    const victimId = (await signedIn(victim.accessToken).GET('/v1/auth/me')).data!.id;
    const asAdmin = (
      await api.POST('/v1/auth/login', { body: { email: 'root@example.com', password: 'keys to the kingdom' } })
    ).data!;
    const admin = signedIn(asAdmin.accessToken);
    const forbidden = await signedIn(victim.accessToken).DELETE('/v1/admin/users/{userId}', {
      params: { path: { userId: victimId } },
    });
    expect(forbidden.response.status).toBe(403);
    const byAdmin = await admin.DELETE('/v1/admin/users/{userId}', { params: { path: { userId: victimId } } });
    expect(byAdmin.response.status).toBe(202);

    const state = await admin.GET('/v1/admin/erasures/{erasureId}', {
      params: { path: { erasureId: byAdmin.data!.erasureId } },
    });
    expect(state.response.status).toBe(200);
    expect(state.data).toMatchObject({ id: byAdmin.data!.erasureId, userId: victimId, requestedVia: 'admin' });
    // Other test files' services share the topics and may already have confirmed: every service is
    // either confirmed or awaited, and the erasure is complete only when none is awaited (the
    // day's deadline is far, so never overdue).
    const { confirmations, awaiting, status } = state.data!;
    expect([...confirmations.map((confirmation) => confirmation.service), ...awaiting].sort()).toEqual([
      'business-service',
      'notification-service',
    ]);
    expect(status).toBe(awaiting.length === 0 ? 'completed' : 'pending');
    const unknown = await admin.GET('/v1/admin/erasures/{erasureId}', {
      params: { path: { erasureId: '0192f0c1-7a4e-7c3b-8f00-1234567890ab' } },
    });
    expect(unknown.response.status).toBe(404);
  });

  it('publishes auth.user.registered on Kafka, in the trace of the registering request', async () => {
    const traceId = randomBytes(16).toString('hex');
    const { data, response } = await api.POST('/v1/auth/register', {
      body: { email: 'barbara@example.com', password: 'liskov substitution rules', displayName: 'Barbara' },
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(response.status).toBe(201);
    const id = data!.id;
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
    const register = (idempotencyKey?: string, registration = body) =>
      api.POST('/v1/auth/register', {
        body: registration,
        params: { header: idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey } },
      });
    const first = await register('signup-7f3a');
    expect(first.response.status).toBe(201);
    const again = await register('signup-7f3a');
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data).toEqual(first.data);
    const other = await register('signup-7f3a', { ...body, displayName: 'Other' });
    expect(other.response.status).toBe(422);
    expect(other.error).toMatchObject({ code: 'GATEWAY.IDEMPOTENCY_KEY_REUSED' });
    expect((await register('has spaces in it')).response.status).toBe(400);
    // Without the key the duplicate reaches the auth-service, which refuses it.
    expect((await register()).response.status).toBe(409);
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
    const email = 'cookie@example.com';
    const password = 'crumbs of a sturdy biscuit';
    await session(email, password);
    const cookieTransport = { 'X-Refresh-Token-Transport': 'cookie' } as const;
    const login = await api.POST('/v1/auth/login', { body: { email, password }, params: { header: cookieTransport } });
    expect(login.response.status).toBe(200);
    expect(login.data!.refreshToken).toBeUndefined();
    expect(login.data!.refreshTokenInCookie).toBe(true);
    const jar = (response: Response) =>
      Object.fromEntries(response.headers.getSetCookie().map((cookie) => [cookie.split('=')[0]!, cookie]));
    const set = jar(login.response);
    expect(set['__Host-refresh_token']).toMatch(/HttpOnly/);
    expect(set['__Host-refresh_token']).toMatch(/Secure/);
    expect(set['__Host-refresh_token']).toMatch(/SameSite=Strict/);
    expect(set['__Host-csrf_token']).not.toMatch(/HttpOnly/);
    const value = (cookie: string) => cookie.split(';')[0]!.split('=').slice(1).join('=');
    const cookiesOf = (cookies: Record<string, string>) =>
      `__Host-refresh_token=${value(cookies['__Host-refresh_token']!)}; __Host-csrf_token=${value(cookies['__Host-csrf_token']!)}`;

    // A browser sends the cookies with a forged cross-site request, but cannot read the CSRF token.
    const forged = await api.POST('/v1/auth/refresh', {
      params: { header: cookieTransport },
      headers: { cookie: cookiesOf(set) },
    });
    expect(forged.response.status).toBe(403);
    expect(forged.error).toMatchObject({ code: 'GATEWAY.CSRF_REJECTED' });

    const refreshed = await api.POST('/v1/auth/refresh', {
      params: { header: { ...cookieTransport, 'X-CSRF-Token': value(set['__Host-csrf_token']!) } },
      headers: { cookie: cookiesOf(set) },
    });
    expect(refreshed.response.status).toBe(200);
    const next = jar(refreshed.response);
    expect(value(next['__Host-refresh_token']!)).not.toBe(value(set['__Host-refresh_token']!));

    expect((await api.POST('/v1/auth/logout', { headers: { cookie: cookiesOf(next) } })).response.status).toBe(403);
    const logout = await api.POST('/v1/auth/logout', {
      params: { header: { 'X-CSRF-Token': value(next['__Host-csrf_token']!) } },
      headers: { cookie: cookiesOf(next) },
    });
    expect(logout.response.status).toBe(204);
    expect(jar(logout.response)['__Host-refresh_token']).toMatch(/Max-Age=0/);
  });

  it('sends security headers, and CORS only to the configured origin', async () => {
    const { response } = await api.GET('/v1/auth/me');
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
    const hs256 = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${payload}.${signature}`;
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
    for (const token of [tampered, none, hs256, wrongKey, unknownKey, expired, 'garbage']) {
      const { response, error } = await signedIn(token).GET('/v1/auth/me');
      expect(response.status).toBe(401);
      expect(error).toMatchObject({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    }
    expect((await api.GET('/v1/auth/me')).response.status).toBe(401);
  });

  it('never lets a client choose its identity', async () => {
    const identityHeaders = {
      'x-identity-user-id': '0192f0c1-7a4e-7c3b-8f00-1234567890ab',
      'x-identity-roles': 'admin',
    };
    const forged = await api.GET('/v1/admin/users', { headers: identityHeaders });
    expect(forged.response.status).toBe(401);
    const { accessToken } = await session('eve@example.com', 'definitely not admin');
    const asUser = await signedIn(accessToken).GET('/v1/admin/users', { headers: identityHeaders });
    expect(asUser.response.status).toBe(403);
  });

  it('passes validation errors, a duplicate e-mail and the login throttle on as Problem Details', async () => {
    // Wrong types, as a JavaScript caller could send them: the contract's types are compile-time only.
    const invalid = await api.POST('/v1/auth/register', {
      body: { email: 7, password: true } as unknown as { email: string; password: string; displayName: string },
    });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(invalid.error!.errors!.map((error) => error.field)).toEqual(
      expect.arrayContaining(['email', 'password', 'displayName']),
    );
    await session('linus@example.com', 'penguins all the way');
    const duplicate = await api.POST('/v1/auth/register', {
      body: { email: 'Linus@example.com', password: 'penguins all the way', displayName: 'L' },
    });
    expect(duplicate.response.status).toBe(409);
    for (let i = 0; i < 3; i++)
      await api.POST('/v1/auth/login', { body: { email: 'linus@example.com', password: 'wrong guess here' } });
    const limited = await api.POST('/v1/auth/login', {
      body: { email: 'linus@example.com', password: 'penguins all the way' },
    });
    expect(limited.response.status).toBe(429);
    expect(limited.error).toMatchObject({ status: 429 });
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 Problem Details when the upstream is down, without waiting for the timeout or a stack trace', async () => {
    await auth.stop();
    const { response, error } = await api.POST('/v1/auth/login', {
      body: { email: 'ada@example.com', password: 'analytical engine notes' },
    });
    expect(response.status).toBe(503);
    // Refused at once, not timed out: the code says which (a timeout would be UPSTREAM.TIMEOUT, 504).
    expect(error).toMatchObject({ status: 503, code: 'UPSTREAM.UNAVAILABLE' });
    expect(JSON.stringify(error)).not.toContain('at ');
  });
});
