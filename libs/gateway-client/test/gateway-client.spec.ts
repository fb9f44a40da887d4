import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../src/index.js';

// The client against a local HTTP server that records what it receives and answers like the
// gateway: JSON on success, Problem Details on errors.
describe('createGatewayClient', () => {
  let server: Server;
  let baseUrl: string;
  const received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        if (request.url === '/v1/auth/me' && request.headers.authorization === 'Bearer good-token') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ id: 'u1', email: 'ada@example.com', displayName: 'Ada', roles: ['user'] }));
          return;
        }
        response.writeHead(401, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ status: 401, code: 'AUTH.INVALID_TOKEN', title: 'Unauthorized' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the current access token, asked for on every request', async () => {
    let token = 'good-token';
    const client = createGatewayClient({ baseUrl, accessToken: () => token });
    const ok = await client.GET('/v1/auth/me');
    expect(ok.response.status).toBe(200);
    expect(ok.data).toMatchObject({ email: 'ada@example.com' });
    token = 'rotated-token';
    const refused = await client.GET('/v1/auth/me');
    expect(received.at(-1)!.headers.authorization).toBe('Bearer rotated-token');
    expect(refused.data).toBeUndefined();
    expect(refused.error).toMatchObject({ status: 401, code: 'AUTH.INVALID_TOKEN' });
  });

  it('leaves an Authorization the request sets itself alone, and sends no token when there is none', async () => {
    const client = createGatewayClient({ baseUrl, accessToken: () => 'good-token' });
    await client.GET('/v1/auth/me', { headers: { authorization: 'Bearer explicit' } });
    expect(received.at(-1)!.headers.authorization).toBe('Bearer explicit');
    await createGatewayClient({ baseUrl, accessToken: () => undefined }).GET('/v1/auth/me');
    expect(received.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('sends typed bodies as JSON, query parameters encoded, and the default headers', async () => {
    const client = createGatewayClient({ baseUrl, headers: { 'x-correlation-id': 'corr-client-1' } });
    await client.POST('/v1/auth/login', {
      body: { email: 'ada@example.com', password: 'analytical engine notes' },
      params: { header: { 'X-Refresh-Token-Transport': 'cookie' } },
    });
    const login = received.at(-1)!;
    expect(login).toMatchObject({ method: 'POST', url: '/v1/auth/login' });
    expect(login.headers['content-type']).toContain('application/json');
    expect(login.headers['x-correlation-id']).toBe('corr-client-1');
    expect(login.headers['x-refresh-token-transport']).toBe('cookie');
    expect(JSON.parse(login.body)).toEqual({ email: 'ada@example.com', password: 'analytical engine notes' });

    await client.GET('/v1/admin/users', { params: { query: { limit: 5, emailContains: 'a&b c', role: 'admin' } } });
    const url = new URL(received.at(-1)!.url, baseUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: '5', emailContains: 'a&b c', role: 'admin' });
  });
});
