import { createGatewayClient, type GatewayClient, type TokenResponse } from '@platform/gateway-client';
import { eventually } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';

// The bound the gateway runs with (its default): a revoked token is refused within it.
const BOUND_SECONDS = 15;
// Polls up to the bound plus what it takes Kafka and the outbox to deliver: never a fixed sleep.
const WITHIN_THE_BOUND_MS = (BOUND_SECONDS + 15) * 1000;

/** The claims of an access token (no verification: the gateway does that). */
function claims(token: string): { iat: number } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iat: number };
}

// End to end: the real auth-service and gateway processes, real PostgreSQL and Kafka. The
// auth-service announces auth.user.sessions-revoked through its outbox; the gateway learns it from
// its revocation feed and refuses access tokens issued before the user's cut-off.
describe('gateway → auth-service: access tokens do not outlive a password change or a log-out everywhere', () => {
  let system: E2eSystem;
  let api: GatewayClient;
  const conformance = contractConformance();
  const checked = (client: GatewayClient) => {
    client.use(conformance);
    return client;
  };
  const signedIn = (token: string) =>
    checked(createGatewayClient({ baseUrl: system.gatewayUrl, accessToken: () => token }));
  const meStatus = async (token: string) => (await signedIn(token).GET('/v1/auth/me')).response.status;

  beforeAll(async () => {
    system = await startE2eSystem({
      databasePrefix: 'gateway_revocation_e2e',
      gateway: { REVOCATION_MAX_DELAY_SECONDS: String(BOUND_SECONDS), AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    api = checked(createGatewayClient({ baseUrl: system.gatewayUrl }));
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  async function register(email: string, password: string): Promise<string> {
    const { data, response } = await api.POST('/v1/auth/register', {
      body: { email, password, displayName: email.split('@')[0]! },
    });
    expect(response.status).toBe(201);
    return data!.id;
  }
  async function logIn(email: string, password: string): Promise<TokenResponse> {
    const { data, response } = await api.POST('/v1/auth/login', { body: { email, password } });
    expect(response.status).toBe(200);
    return data!;
  }
  /** The cut-off the gateway learnt for `userId` last, from its own log of the revocation feed. */
  function learntCutOffs(userId: string): string[] {
    return system.gateway
      .logs()
      .filter(
        (line) => line['message'] === 'Sessions revoked: older access tokens are refused' && line['userId'] === userId,
      )
      .map((line) => String(line['tokensValidAfter']));
  }

  it('refuses a token issued before a password change within the bound, and accepts one from a log-in right after it, in the same second too', async () => {
    const email = 'hopper@example.com';
    const passwords = ['first bug in a relay', 'nanoseconds of wire', 'cobol was a good idea'];
    const userId = await register(email, passwords[0]!);
    let sameSecondSeen = false;
    // A log-in right after the change usually falls in the same second as the cut-off; the cycle
    // repeats (at most a few times) until it did, so that case is always exercised.
    for (let cycle = 0; cycle < 10 && !sameSecondSeen; cycle += 1) {
      const [current, next] = [passwords[cycle % 3]!, passwords[(cycle + 1) % 3]!];
      const a = await logIn(email, current);
      const b = await logIn(email, current);
      expect(await meStatus(b.accessToken)).toBe(200);

      const changed = await signedIn(a.accessToken).POST('/v1/auth/change-password', {
        body: { currentPassword: current, newPassword: next },
      });
      expect(changed.response.status).toBe(204);
      const fresh = await logIn(email, next);

      await eventually(
        'the gateway to refuse the token issued before the change',
        async () => (await meStatus(b.accessToken)) === 401,
        WITHIN_THE_BOUND_MS,
      );
      const refused = await signedIn(b.accessToken).GET('/v1/auth/me');
      expect(refused.error).toMatchObject({ status: 401, code: 'AUTH.INVALID_TOKEN' });
      expect(await meStatus(a.accessToken)).toBe(401);
      // Checked once the gateway knows the cut-off: the new session is not caught by it.
      const me = await signedIn(fresh.accessToken).GET('/v1/auth/me');
      expect(me.response.status).toBe(200);
      expect(me.data).toMatchObject({ id: userId });

      await eventually('the gateway to log the cut-off', () => learntCutOffs(userId).length > cycle, 10_000);
      const cutOff = Date.parse(learntCutOffs(userId).at(-1)!);
      sameSecondSeen = claims(fresh.accessToken).iat === Math.floor(cutOff / 1000);
    }
    expect(sameSecondSeen, 'no log-in fell in the same second as its password change in 10 tries').toBe(true);
  });

  it('refuses a token issued before a log-out everywhere within the bound, and accepts one from a log-in right after it', async () => {
    const email = 'liskov@example.com';
    const password = 'substitutable subtypes';
    const userId = await register(email, password);
    const a = await logIn(email, password);
    const b = await logIn(email, password);
    expect(await meStatus(b.accessToken)).toBe(200);

    const everywhere = await signedIn(a.accessToken).POST('/v1/auth/logout-all');
    expect(everywhere.response.status).toBe(204);
    const fresh = await logIn(email, password);

    await eventually(
      'the gateway to refuse the token issued before the log-out',
      async () => (await meStatus(b.accessToken)) === 401,
      WITHIN_THE_BOUND_MS,
    );
    expect(await meStatus(a.accessToken)).toBe(401);
    const me = await signedIn(fresh.accessToken).GET('/v1/auth/me');
    expect(me.response.status).toBe(200);
    expect(me.data).toMatchObject({ id: userId });
  });

  it('is ready only with its revocation feed replayed, and exposes how stale the feed is', async () => {
    const ready = await fetch(`${system.gatewayManagementUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(JSON.stringify(await ready.json())).toContain('revocation-feed');
    const metrics = await (await fetch(`${system.gatewayManagementUrl}/metrics`)).text();
    expect(metrics).toMatch(/^messaging_feed_staleness_seconds\{feed="gateway-revocations"\} \d/m);
  });
});
