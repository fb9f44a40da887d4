import 'reflect-metadata';
import { Controller, Get, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { uniqueName } from '@platform/infra/testing';
import { applyValidation, type ProblemDetails } from '@platform/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, sendJson, startServer, type TestServer } from '../../test/http-servers.js';
import { captureLogs } from '@platform/logging/testing';
import { shutdownCircuitBreakers } from '../breaker/breaker-registry.js';
import { BaseHttpClient } from './base-http-client.js';

/** A client as a service would write one: a subclass naming its calls. */
class PaymentsClient extends BaseHttpClient {
  status(path: string): Promise<unknown> {
    return this.get(path);
  }
}

const CLIENTS = Symbol('clients');

interface Clients {
  slow: PaymentsClient;
  failing: PaymentsClient;
  down: PaymentsClient;
  overloaded: PaymentsClient;
}

@Controller('proxy')
class ProxyController {
  constructor(@Inject(CLIENTS) private readonly clients: Clients) {}

  @Get('slow')
  slow() {
    return this.clients.slow.status('/slow');
  }

  @Get('failing')
  failing() {
    return this.clients.failing.status('/failing');
  }

  @Get('down')
  down() {
    return this.clients.down.status('/down');
  }

  @Get('overloaded')
  overloaded() {
    return this.clients.overloaded.status('/overloaded');
  }
}

describe('failed upstream calls answer Problem Details (real Nest app on Fastify)', () => {
  captureLogs({ level: 'debug' });
  const servers: TestServer[] = [];
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    const slow = await startServer(() => undefined);
    const failing = await startServer((_, response) => sendJson(response, 500, {}));
    const overloaded = await startServer((_, response) => sendJson(response, 503, {}, { 'retry-after': '90' }));
    servers.push(slow, failing, overloaded);
    const fast = { maxAttempts: 2, baseDelayMs: 1 };
    const clients: Clients = {
      slow: new PaymentsClient({ upstream: uniqueName('slow'), baseUrl: slow.url, timeoutMs: 50, retry: false }),
      failing: new PaymentsClient({ upstream: uniqueName('failing'), baseUrl: failing.url, retry: fast }),
      down: new PaymentsClient({
        upstream: uniqueName('down'),
        baseUrl: await closedPort(),
        retry: false,
        breaker: { volumeThreshold: 1, resetTimeoutMs: 45_000 },
      }),
      overloaded: new PaymentsClient({ upstream: uniqueName('overloaded'), baseUrl: overloaded.url, retry: fast }),
    };

    @Module({ controllers: [ProxyController], providers: [{ provide: CLIENTS, useValue: clients }] })
    class ProxyModule {}

    app = await NestFactory.create<NestFastifyApplication>(ProxyModule, new FastifyAdapter(), { logger: false });
    applyValidation(app);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(servers.map((server) => server.close()));
    shutdownCircuitBreakers();
  });

  async function call(path: string): Promise<{ response: Response; body: ProblemDetails }> {
    const response = await fetch(`${url}/proxy/${path}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return { response, body: (await response.json()) as ProblemDetails };
  }

  it('answers 504 when the upstream is too slow', async () => {
    const { response, body } = await call('slow');
    expect(response.status).toBe(504);
    expect(body).toMatchObject({
      status: 504,
      code: 'UPSTREAM.TIMEOUT',
      title: 'Gateway Timeout',
      instance: '/proxy/slow',
      retryable: true,
    });
  });

  it('answers 502 when the upstream keeps failing', async () => {
    const { response, body } = await call('failing');
    expect(response.status).toBe(502);
    expect(body).toMatchObject({ status: 502, code: 'UPSTREAM.UNAVAILABLE', title: 'Bad Gateway' });
  });

  it("answers 503 with the upstream's Retry-After when it is overloaded", async () => {
    const { response, body } = await call('overloaded');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('90');
    expect(body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', retryable: true });
  });

  it('answers 503, then 503 with Retry-After once the circuit is open', async () => {
    const unreachable = await call('down');
    expect(unreachable.response.status).toBe(503);
    expect(unreachable.body.code).toBe('UPSTREAM.UNAVAILABLE');

    const open = await call('down');
    expect(open.response.status).toBe(503);
    expect(open.body.code).toBe('UPSTREAM.CIRCUIT_OPEN');
    const retryAfter = Number(open.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(45);
  });
});
