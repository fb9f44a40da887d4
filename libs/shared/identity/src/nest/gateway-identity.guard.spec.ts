import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { bootstrapService, ServiceConfig, type RunningService } from '@platform/bootstrap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, type Identity } from '../identity-headers.js';
import { IsIdentitySigningKey } from '../is-identity-signing-key.js';
import { CurrentIdentity, GatewayIdentityGuard, gatewayIdentityProviders } from './gateway-identity.guard.js';

class UpstreamConfig extends ServiceConfig {
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: string;
}

@Controller('v1/things')
@UseGuards(GatewayIdentityGuard)
class ThingsController {
  @Get()
  list(@CurrentIdentity() identity: Identity): Identity {
    return identity;
  }
}

@Module({ controllers: [ThingsController], providers: [...gatewayIdentityProviders(UpstreamConfig)] })
class UpstreamModule {}

const key = randomBytes(32).toString('base64url');
const caller: Identity = {
  userId: '0190a0c4-7c1e-7000-8000-000000000001',
  roles: ['user'],
  tokenIssuedAt: 1_700_000_000,
};

describe('GatewayIdentityGuard', () => {
  let service: RunningService<UpstreamConfig>;
  const logLines: string[] = [];
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));

  beforeAll(async () => {
    service = await bootstrapService({
      name: 'identity-guard-test',
      module: UpstreamModule,
      config: UpstreamConfig,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'info',
        IDENTITY_SIGNING_KEY: key,
      },
      logStream: logs,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await service?.shutdown('test over');
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${service.url}${path}`, { headers });

  it('admits a request the gateway signed and hands the identity to the handler', async () => {
    const path = '/v1/things?limit=5';
    const response = await get(path, signIdentity(caller, { method: 'GET', path }, key));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(caller);
  });

  it('logs the verified user id with the request', async () => {
    const path = '/v1/things';
    const response = await get(path, {
      ...signIdentity(caller, { method: 'GET', path }, key),
      'x-request-id': 'logged-1',
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const accessLog = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.correlationId === 'logged-1' && entry.userId !== undefined);
    expect(accessLog?.userId).toBe(caller.userId);
  });

  it.each([
    ['missing', () => ({})],
    [
      'bad_signature',
      () => signIdentity(caller, { method: 'GET', path: '/v1/things' }, randomBytes(32).toString('base64url')),
    ],
    // Headers signed for another route cannot be replayed on this one.
    ['bad_signature', () => signIdentity(caller, { method: 'GET', path: '/v1/other' }, key)],
    ['expired', () => signIdentity(caller, { method: 'GET', path: '/v1/things' }, key, Date.now() - 120_000)],
    [
      'malformed',
      () => ({ ...signIdentity(caller, { method: 'GET', path: '/v1/things' }, key), 'x-identity-signed-at': 'soon' }),
    ],
  ])('refuses %s identity headers with a 401 Problem Details', async (reason, headers) => {
    const correlationId = `refused-${randomBytes(6).toString('hex')}`;
    const response = await get('/v1/things', { ...headers(), 'x-correlation-id': correlationId });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    // The reason is for the service's log, not for the caller.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = logLines.filter((line) => line.includes(correlationId)).join('\n');
    expect(logged).toContain(`"reason":"${reason}"`);
  });
});
