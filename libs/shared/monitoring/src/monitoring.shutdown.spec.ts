import { Injectable, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureLogging } from '@platform/logging';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getManagementUrl, markShuttingDown, MonitoringModule } from './monitoring.module.js';
import { deferred } from './testing/deferred.js';
import { getJson } from './testing/http.js';

// Holds app.close() inside the shutdown sequence (after onModuleDestroy, before the servers close)
// until the test has looked at the endpoints: the order is fixed by the hooks, not by timing.
// Renewed for each test, since a promise settles once.
let gate = { entered: deferred(), release: deferred() };

@Injectable()
class ShutdownGate implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    gate.entered.resolve();
    await gate.release.promise;
  }
}

@Module({
  imports: [MonitoringModule.forRoot({ managementHost: '127.0.0.1', managementPort: 0 })],
  providers: [ShutdownGate],
})
class AppModule {}

const logLines: Array<Record<string, unknown>> = [];

/** Readiness changes logged so far, as [level, message, status, failing]. */
function transitions(): unknown[][] {
  return logLines
    .filter((l) => String(l['message']).startsWith('readiness:'))
    .map((l) => [l['level'], l['message'], l['status'], l['failing']]);
}

async function createApp(): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false });
}

describe('readiness during start-up and shutdown', () => {
  let app: NestFastifyApplication | undefined;

  beforeAll(() => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    configureLogging({ level: 'info', format: 'json', stream });
  });

  beforeEach(() => {
    gate = { entered: deferred(), release: deferred() };
    logLines.length = 0;
  });

  afterEach(async () => {
    gate.release.resolve();
    await app?.close();
    app = undefined;
  });

  it('is not ready until the public server listens', async () => {
    app = await createApp();
    await app.init();
    const management = getManagementUrl(app);
    const before = await getJson(`${management}/health/ready`);
    expect(before.status).toBe(503);
    expect(before.body).toEqual({
      status: 'error',
      info: {},
      error: { server: { status: 'down' } },
      details: { server: { status: 'down' } },
    });
    expect((await getJson(`${management}/health/live`)).status).toBe(200);

    await app.listen(0, '127.0.0.1');
    const after = await getJson(`${management}/health/ready`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      status: 'ok',
      info: { server: { status: 'up' } },
      error: {},
      details: { server: { status: 'up' } },
    });
    // Logged once per change, not once per probe.
    expect(transitions()).toEqual([
      ['warn', 'readiness: not ready', 'error', ['server']],
      ['info', 'readiness: ready', 'ok', undefined],
    ]);
  });

  it('turns readiness to 503 as soon as app.close() starts, keeps liveness 200, then stops the server', async () => {
    app = await createApp();
    await app.listen(0, '127.0.0.1');
    const management = getManagementUrl(app);
    expect((await getJson(`${management}/health/ready`)).status).toBe(200);

    const closing = app.close();
    await gate.entered.promise;

    const ready = await getJson(`${management}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'shutting_down', info: {}, error: {}, details: {} });
    const detailed = await getJson(`${management}/health`);
    expect(detailed.status).toBe(503);
    expect(detailed.body['status']).toBe('shutting_down');
    const live = await getJson(`${management}/health/live`);
    expect(live.status).toBe(200);
    expect(live.body['status']).toBe('ok');

    gate.release.resolve();
    await closing;
    app = undefined;
    await expect(fetch(`${management}/health/live`)).rejects.toThrow();

    expect(transitions()).toEqual([
      ['info', 'readiness: ready', 'ok', undefined],
      ['warn', 'readiness: not ready', 'shutting_down', []],
    ]);
  });

  it('turns readiness to 503 on markShuttingDown, before the application closes', async () => {
    app = await createApp();
    await app.listen(0, '127.0.0.1');
    const management = getManagementUrl(app);
    expect((await getJson(`${management}/health/ready`)).status).toBe(200);

    markShuttingDown(app);
    expect((await getJson(`${management}/health/ready`)).body).toEqual({
      status: 'shutting_down',
      info: {},
      error: {},
      details: {},
    });
    expect((await getJson(`${management}/health/live`)).status).toBe(200);
    // Still serving: the application itself is untouched until it is closed.
    expect((await fetch(`${await app.getUrl()}/anything`)).status).toBe(404);
  });
});
