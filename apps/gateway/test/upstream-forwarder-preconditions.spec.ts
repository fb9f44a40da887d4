import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { Controller, Get, Inject, Module, Patch, Req, Res } from '@nestjs/common';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfig } from '../src/gateway.config.js';
import type { AuthenticatedRequest } from '../src/infrastructure/primary-adapters/http/access-token.guard.js';
import {
  IDEMPOTENCY_STORE,
  UpstreamForwarder,
} from '../src/infrastructure/primary-adapters/http/upstream-forwarder.js';
import { MemoryIdempotencyStore } from '../src/infrastructure/secondary-adapters/idempotency/memory-idempotency.store.js';
import { Upstreams } from '../src/infrastructure/secondary-adapters/upstreams.js';

// Routes of the test only, forwarding to the business upstream as the invoice routes do.
@Controller('v1/probe/invoices')
class ProbeController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get(':id')
  read(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/probe/invoices/:id');
  }

  @Patch(':id')
  change(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/probe/invoices/:id');
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

// Optimistic concurrency crosses the gateway: the upstream's ETag reaches the client, the client's
// If-Match reaches the upstream, and a precondition failure comes back as the upstream said it.
describe('UpstreamForwarder and preconditions', () => {
  let businessStandIn: Server;
  const received: IncomingHttpHeaders[] = [];
  let gateway: RunningService<GatewayConfig>;

  beforeAll(async () => {
    // A real HTTP server on loopback in the business-service's place: version 3 is current.
    businessStandIn = createServer((request, response) => {
      received.push(request.headers);
      const ifMatch = request.headers['if-match'];
      if (request.method === 'PATCH' && ifMatch === undefined) {
        response.writeHead(428, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ status: 428, code: 'INVOICE.PRECONDITION_REQUIRED' }));
      } else if (request.method === 'PATCH' && ifMatch !== '"3"') {
        response.writeHead(412, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ status: 412, code: 'INVOICE.VERSION_MISMATCH' }));
      } else {
        response.writeHead(200, {
          'content-type': 'application/json',
          etag: request.method === 'PATCH' ? '"4"' : '"3"',
        });
        response.end(JSON.stringify({ version: request.method === 'PATCH' ? 4 : 3 }));
      }
    });
    await new Promise<void>((resolve) => businessStandIn.listen(0, '127.0.0.1', resolve));
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
        IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
        KAFKA_BROKERS: '127.0.0.1:9',
        AUTH_SERVICE_URL: 'http://127.0.0.1:9',
        BUSINESS_SERVICE_URL: `http://127.0.0.1:${(businessStandIn.address() as AddressInfo).port}`,
        UPSTREAM_TIMEOUT_MS: '1000',
      },
      logStream: new PassThrough().resume(),
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await gateway?.shutdown('test over');
    await new Promise((resolve) => businessStandIn?.close(resolve));
  });

  const change = (ifMatch?: string) =>
    fetch(`${gateway.url}/v1/probe/invoices/7`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      body: JSON.stringify({ dueDate: '2026-03-04' }),
    });

  it("hands the upstream's ETag back to the client", async () => {
    const response = await fetch(`${gateway.url}/v1/probe/invoices/7`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3"');
  });

  it("passes the client's If-Match to the upstream, and the new ETag back", async () => {
    const response = await change('"3"');
    expect(response.status).toBe(200);
    expect(received.at(-1)?.['if-match']).toBe('"3"');
    expect(response.headers.get('etag')).toBe('"4"');
  });

  it("answers a stale If-Match with the upstream's 412, and none with its 428", async () => {
    const stale = await change('"2"');
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: 'INVOICE.VERSION_MISMATCH' });
    const missing = await change();
    expect(missing.status).toBe(428);
    expect(received.at(-1)).not.toHaveProperty('if-match');
  });
});
