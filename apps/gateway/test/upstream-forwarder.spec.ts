import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { Controller, Get, Inject, Module, Post, Req, Res } from '@nestjs/common';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import { verifyIdentity } from '@platform/identity';
import { freePort } from '@platform/infra';
import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfig } from '../src/gateway.config.js';
import { gatewayService } from '../src/gateway.service.js';
import type { AuthenticatedRequest } from '../src/infrastructure/primary-adapters/http/access-token.guard.js';
import {
  IDEMPOTENCY_STORE,
  UpstreamForwarder,
} from '../src/infrastructure/primary-adapters/http/upstream-forwarder.js';
import { MemoryIdempotencyStore } from '../src/infrastructure/secondary-adapters/idempotency/memory-idempotency.store.js';
import { Upstreams } from '../src/infrastructure/secondary-adapters/upstreams.js';

const identityKey = randomBytes(32).toString('base64url');
const userId = '0190a0c4-7c1e-7000-8000-0000000000aa';

// Routes of the test only: the forwarder as the real controllers use it, with a caller as the
// access-token guard would leave it.
@Controller('v1/probe')
class ProbeController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get('auth/:id')
  toAuth(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    request.caller = {
      userId,
      roles: ['user'],
      tokenId: 'test',
      issuedAt: new Date(1_700_000_000_000),
      expiresAt: new Date(Date.now() + 60_000),
      kid: 'test',
    };
    return this.forwarder.forward('auth', request, reply, '/v1/probe/auth/:id');
  }

  @Get('business/:id')
  toBusiness(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/probe/business/:id');
  }

  @Post('auth/raw')
  rawToAuth(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/probe/auth/raw', {
      rawBody: true,
      passOn: ['content-type', 'webhook-id', 'webhook-signature', 'idempotency-key'],
    });
  }

  @Post('auth/json')
  jsonToAuth(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/probe/auth/json');
  }

  @Post('auth/create')
  createInAuth(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/probe/auth/create', { idempotent: true });
  }

  @Post('business')
  createInBusiness(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/probe/business', { idempotent: true });
  }
}

@Module({
  controllers: [ProbeController],
  providers: [
    { provide: Upstreams, inject: [GatewayConfig], useFactory: (config: GatewayConfig) => new Upstreams(config) },
    { provide: IDEMPOTENCY_STORE, useValue: new MemoryIdempotencyStore() },
    UpstreamForwarder,
  ],
})
class ProbeModule {}

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body?: string;
}

describe('UpstreamForwarder', () => {
  let authStandIn: Server;
  const received: Received[] = [];
  // Answers the stand-in gives before its usual 200, first first.
  const nextAnswers: Array<{ status: number; headers?: Record<string, string> }> = [];
  let gateway: RunningService<GatewayConfig>;

  beforeAll(async () => {
    // A real HTTP server on loopback in the auth-service's place; nothing listens on the business port.
    authStandIn = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ method: request.method, url: request.url, headers: request.headers, body });
        const planned = nextAnswers.shift();
        if (planned) {
          response.writeHead(planned.status, { 'content-type': 'application/json', ...planned.headers });
          response.end('{}');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json', server: 'stand-in' });
        response.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => authStandIn.listen(0, '127.0.0.1', resolve));
    const closedPort = await freePort();
    gateway = await bootstrapService({
      name: 'gateway',
      module: ProbeModule,
      config: GatewayConfig,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'error',
        IDENTITY_SIGNING_KEY: identityKey,
        KAFKA_BROKERS: '127.0.0.1:9',
        AUTH_SERVICE_URL: `http://127.0.0.1:${(authStandIn.address() as AddressInfo).port}`,
        BUSINESS_SERVICE_URL: `http://127.0.0.1:${closedPort}`,
        UPSTREAM_TIMEOUT_MS: '1000',
      },
      logStream: new PassThrough().resume(),
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await gateway?.shutdown('test over');
    await new Promise((resolve) => authStandIn?.close(resolve));
  });

  it("sends a route to its upstream with the caller's signed identity, and hands back only public headers", async () => {
    const response = await fetch(`${gateway.url}/v1/probe/auth/42?limit=5`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('server')).toBeNull();
    const forwarded = received.at(-1);
    expect(forwarded?.url).toBe('/v1/probe/auth/42?limit=5');
    const identity = verifyIdentity(
      forwarded?.headers ?? {},
      { method: 'GET', path: '/v1/probe/auth/42?limit=5' },
      identityKey,
    );
    expect(identity).toEqual({ userId, roles: ['user'], tokenIssuedAt: 1_700_000_000 });
  });

  it('forwards the exact bytes and the headers a raw-body route names (webhooks), where others re-serialise and drop them', async () => {
    const body = '{"id":"evt_1",   "type":"payment.succeeded","data":{"name":"Zoë"}}\n';
    const headers = {
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
      'webhook-signature': 'v1,c2lnbmF0dXJl',
      'idempotency-key': 'key-1',
    };
    expect((await fetch(`${gateway.url}/v1/probe/auth/raw`, { method: 'POST', headers, body })).status).toBe(200);
    const raw = received.at(-1);
    expect(raw?.body).toBe(body);
    expect(raw?.headers).toMatchObject(headers);

    expect((await fetch(`${gateway.url}/v1/probe/auth/json`, { method: 'POST', headers, body })).status).toBe(200);
    const json = received.at(-1);
    expect(json?.body).toBe(JSON.stringify(JSON.parse(body)));
    expect(json?.headers['webhook-signature']).toBeUndefined();
    expect(json?.headers['idempotency-key']).toBeUndefined();
  });

  it('answers 503 Problem Details, not 500, while an upstream refuses connections', async () => {
    const response = await fetch(`${gateway.url}/v1/probe/business/7`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, code: 'UPSTREAM.UNAVAILABLE' });
    // The other upstream is unaffected: its breaker and client are its own.
    expect((await fetch(`${gateway.url}/v1/probe/auth/1`)).status).toBe(200);
  });

  it('frees an Idempotency-Key when the upstream was unreachable, so a retry is sent again', async () => {
    const post = () =>
      fetch(`${gateway.url}/v1/probe/business`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-me' },
        body: JSON.stringify({ name: 'Acme' }),
      });
    expect((await post()).status).toBe(503);
    const retried = await post();
    expect(retried.status).toBe(503);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it("passes an idempotent route's key upstream, scoped, the same on a retry after an upstream's come-back-later", async () => {
    const post = () =>
      fetch(`${gateway.url}/v1/probe/auth/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'create-once' },
        body: JSON.stringify({ name: 'Acme' }),
      });
    nextAnswers.push({ status: 409, headers: { 'retry-after': '1' } });
    const sent = received.length;
    const inProgress = await post();
    expect(inProgress.status).toBe(409);
    expect(inProgress.headers.get('retry-after')).toBe('1');
    const answered = await post(); // the come-back-later was not kept as the key's answer: this one goes upstream too
    expect(answered.status).toBe(200);
    expect(answered.headers.get('idempotent-replayed')).toBeNull();

    const keys = received.slice(sent).map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    // The gateway's store key, scoped to caller and route, never the client's key as it came.
    expect(keys[0]).toMatch(/^[\w-]{43}$/);
    expect(keys[0]).not.toBe('create-once');
    expect((await post()).headers.get('idempotent-replayed')).toBe('true');
    expect(received.length - sent).toBe(2);
  });

  it('keeps the gateway ready while the business-service is down: readiness waits on the auth-service only', () => {
    const checks = gatewayService.readiness?.(gateway.config).map((check) => check.name);
    expect(checks).toContain('auth-service');
    expect(checks).not.toContain('business-service');
  });
});
