import { Controller, Get, HttpCode, InternalServerErrorException, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureLogging } from '@platform/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitoringModule, getManagementUrl } from '../monitoring.module.js';
import { deferred } from '../testing/deferred.js';
import { get, getJson, scrape } from '../testing/http.js';
import { find, parseExposition, typesOf, valueOf } from '../testing/prometheus-text.js';
import { UNMATCHED_ROUTE } from './http-metrics.js';

// Holds one request inside its handler until the test lets it go, so "in flight" is a known state.
const slow = { entered: deferred(), release: deferred() };

@Controller('invoices')
class InvoicesController {
  @Get(':id')
  find(@Param('id') id: string) {
    return { id };
  }

  @Post()
  @HttpCode(201)
  create() {
    return { created: true };
  }

  @Get(':id/fail')
  fail(): never {
    throw new InternalServerErrorException('boom');
  }

  @Get(':id/slow')
  async slow() {
    slow.entered.resolve();
    await slow.release.promise;
    return { slow: true };
  }
}

@Module({
  imports: [MonitoringModule.forRoot({ managementHost: '127.0.0.1', managementPort: 0 })],
  controllers: [InvoicesController],
})
class AppModule {}

describe('HTTP metrics', () => {
  let app: NestFastifyApplication;
  let publicUrl: string;
  let managementUrl: string;

  beforeAll(async () => {
    configureLogging({ level: 'error' });
    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    publicUrl = await app.getUrl();
    managementUrl = getManagementUrl(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('labels requests by route template, method and status code, never by raw URL', async () => {
    expect((await get(`${publicUrl}/invoices/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b`)).status).toBe(200);
    expect((await get(`${publicUrl}/invoices/42`)).status).toBe(200);
    expect((await fetch(`${publicUrl}/invoices`, { method: 'POST' })).status).toBe(201);
    expect((await get(`${publicUrl}/invoices/42/fail`)).status).toBe(500);

    const text = await scrape(managementUrl);
    const samples = parseExposition(text);
    expect(typesOf(text).get('http_server_requests_total')).toBe('counter');
    expect(typesOf(text).get('http_server_request_duration_seconds')).toBe('histogram');
    expect(typesOf(text).get('http_server_requests_in_flight')).toBe('gauge');

    const found = { method: 'GET', route: '/invoices/:id', status_code: '200' };
    expect(valueOf(samples, 'http_server_requests_total', found)).toBe(2);
    expect(valueOf(samples, 'http_server_request_duration_seconds_count', found)).toBe(2);
    expect(valueOf(samples, 'http_server_request_duration_seconds_bucket', { ...found, le: '+Inf' })).toBe(2);
    expect(valueOf(samples, 'http_server_request_duration_seconds_sum', found)).toBeGreaterThan(0);
    expect(
      valueOf(samples, 'http_server_requests_total', { method: 'POST', route: '/invoices', status_code: '201' }),
    ).toBe(1);
    expect(
      valueOf(samples, 'http_server_requests_total', {
        method: 'GET',
        route: '/invoices/:id/fail',
        status_code: '500',
      }),
    ).toBe(1);

    const labelValues = samples
      .filter((s) => s.name.startsWith('http_server_'))
      .flatMap((s) => Object.values(s.labels));
    expect(labelValues.some((v) => v.includes('42') || v.includes('0190a1b2'))).toBe(false);
  });

  it('collapses requests no route matched into one label value', async () => {
    for (const path of ['/nope', '/wp-login.php', '/invoices/1/2/3/4', '/.env']) {
      expect((await get(`${publicUrl}${path}`)).status).toBe(404);
    }
    const samples = parseExposition(await scrape(managementUrl));
    const unmatched = find(samples, 'http_server_requests_total', { route: UNMATCHED_ROUTE });
    expect(unmatched).toEqual([
      {
        name: 'http_server_requests_total',
        labels: { method: 'GET', route: 'unmatched', status_code: '404' },
        value: 4,
      },
    ]);
    const routes = new Set(find(samples, 'http_server_requests_total').map((s) => s.labels['route']));
    expect([...routes].sort()).toEqual(['/invoices', '/invoices/:id', '/invoices/:id/fail', 'unmatched']);
  });

  it('counts a request in flight while it is being served, and not after', async () => {
    const pending = get(`${publicUrl}/invoices/7/slow`);
    try {
      await slow.entered.promise;
      const during = parseExposition(await scrape(managementUrl));
      expect(valueOf(during, 'http_server_requests_in_flight', { method: 'GET', route: '/invoices/:id/slow' })).toBe(1);
    } finally {
      // Released even when an assertion fails: app.close() waits for requests in flight.
      slow.release.resolve();
    }
    expect((await pending).status).toBe(200);
    const after = parseExposition(await scrape(managementUrl));
    expect(valueOf(after, 'http_server_requests_in_flight', { method: 'GET', route: '/invoices/:id/slow' })).toBe(0);
    expect(
      valueOf(after, 'http_server_requests_total', { method: 'GET', route: '/invoices/:id/slow', status_code: '200' }),
    ).toBe(1);
  });

  it('serves /metrics and health on the management port only', async () => {
    for (const path of ['/metrics', '/health', '/health/live', '/health/ready']) {
      expect((await get(`${publicUrl}${path}`)).status, `public ${path}`).toBe(404);
    }
    const metrics = await get(`${managementUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect((await getJson(`${managementUrl}/health/live`)).body).toMatchObject({ status: 'ok' });
    // Management traffic is not the service's traffic: it never shows up in the RED metrics.
    const samples = parseExposition(await scrape(managementUrl));
    const routes = find(samples, 'http_server_requests_total').map((s) => s.labels['route']);
    expect(routes).not.toContain('/metrics');
    expect(routes).not.toContain('/health/live');
  });

  it('exposes the default process metrics', async () => {
    const text = await scrape(managementUrl);
    const types = typesOf(text);
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(valueOf(parseExposition(text), 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
