import { uniqueName } from '@platform/infra/testing';
import { InvalidUpstreamResponseError, UpstreamRejectedError } from '@platform/validation';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startServer, type TestServer } from '../../test/http-servers.js';
import { shutdownCircuitBreakers } from '../breaker/breaker-registry.js';
import { TokenManager, type TokenManagerOptions } from './token-manager.js';

/** A fake OAuth token endpoint: issues `token-1`, `token-2`... valid for an hour, and counts the calls. */
async function tokenEndpoint(): Promise<TestServer> {
  const endpoint = await startServer((_, response) => {
    sendJson(
      response,
      200,
      { access_token: `token-${endpoint.requests.length}`, token_type: 'Bearer', expires_in: 3600 },
      { 'cache-control': 'no-store' },
    );
  });
  return endpoint;
}

describe('TokenManager (against a local token endpoint)', () => {
  const servers: TestServer[] = [];
  let clock = Date.parse('2025-01-01T00:00:00Z');

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    shutdownCircuitBreakers();
  });

  async function manager(
    options: Partial<TokenManagerOptions> = {},
  ): Promise<{ tokens: TokenManager; endpoint: TestServer }> {
    const endpoint = await tokenEndpoint();
    servers.push(endpoint);
    const tokens = new TokenManager({
      tokenUrl: `${endpoint.url}/oauth/token`,
      clientId: 'billing service',
      clientSecret: 's3cr:et',
      scope: 'payments:write',
      upstream: uniqueName('oauth'),
      now: () => clock,
      ...options,
    });
    return { tokens, endpoint };
  }

  it('fetches one token for 20 concurrent callers, and exactly one more after it expires', async () => {
    const { tokens, endpoint } = await manager();

    const first = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(first)).toEqual(new Set(['token-1']));
    expect(endpoint.requests).toHaveLength(1);

    clock += 30 * 60_000; // half an hour: still cached
    expect(await tokens.getToken()).toBe('token-1');
    expect(endpoint.requests).toHaveLength(1);

    clock += 30 * 60_000; // an hour: expired
    const second = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(second)).toEqual(new Set(['token-2']));
    expect(endpoint.requests).toHaveLength(2);
  });

  it('refreshes shortly before expiry, not at it', async () => {
    const { tokens, endpoint } = await manager({ refreshBeforeExpiryMs: 60_000 });
    await tokens.getToken();
    clock += 3_600_000 - 60_001;
    expect(await tokens.getToken()).toBe('token-1');
    clock += 1;
    expect(await tokens.getToken()).toBe('token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('asks with client_credentials, the client authenticated by HTTP Basic (form-encoded first)', async () => {
    const { tokens, endpoint } = await manager();
    await tokens.getToken();
    const request = endpoint.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', url: '/oauth/token' });
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'payments:write',
    });
    const basic = Buffer.from(request.headers.authorization!.replace(/^Basic /, ''), 'base64').toString();
    expect(basic).toBe('billing+service:s3cr%3Aet');
  });

  it('can send the credentials in the body instead', async () => {
    const { tokens, endpoint } = await manager({ clientAuthentication: 'body' });
    await tokens.getToken();
    expect(endpoint.requests[0]!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(endpoint.requests[0]!.body))).toMatchObject({
      client_id: 'billing service',
      client_secret: 's3cr:et',
    });
  });

  it('fetches a new token after invalidate()', async () => {
    const { tokens, endpoint } = await manager();
    await tokens.getToken();
    tokens.invalidate();
    expect(await tokens.getToken()).toBe('token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('fails every waiting caller with the typed error, and tries again on the next call', async () => {
    let refuse = true;
    const endpoint = await startServer((_, response) =>
      refuse
        ? sendJson(response, 401, { error: 'invalid_client' })
        : sendJson(response, 200, { access_token: 'late', expires_in: 60 }),
    );
    servers.push(endpoint);
    const tokens = new TokenManager({
      tokenUrl: `${endpoint.url}/token`,
      clientId: 'a',
      clientSecret: 'b',
      upstream: uniqueName('oauth'),
    });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => tokens.getToken()));
    expect(
      outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason instanceof UpstreamRejectedError),
    ).toBe(true);
    expect(endpoint.requests).toHaveLength(1);

    refuse = false;
    expect(await tokens.getToken()).toBe('late');
  });

  it('refuses a token response without an access token', async () => {
    const endpoint = await startServer((_, response) => sendJson(response, 200, { token_type: 'Bearer' }));
    servers.push(endpoint);
    const tokens = new TokenManager({
      tokenUrl: `${endpoint.url}/token`,
      clientId: 'a',
      clientSecret: 'b',
      upstream: uniqueName('oauth'),
    });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidUpstreamResponseError);
    expect((error as InvalidUpstreamResponseError).errors.map((e) => e.field)).toContain('access_token');
  });
});
