import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureLogging } from '@platform/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getManagementUrl, MonitoringModule } from '../monitoring.module.js';
import { getJson } from '../testing/http.js';

interface Body {
  status: string;
  info: Record<string, unknown>;
  error: Record<string, unknown>;
  details: Record<string, { status: string; [key: string]: unknown }>;
}

/** A provider of the application the route and checks reach through `moduleRef`. */
@Injectable()
class Backlog {
  stale = false;
  size = 3;
}

describe('informational checks and management routes', () => {
  let app: NestFastifyApplication;
  let management: string;

  beforeAll(async () => {
    configureLogging({ level: 'error' });

    @Module({
      providers: [Backlog],
      imports: [
        MonitoringModule.forRoot({
          managementHost: '127.0.0.1',
          managementPort: 0,
          defaultMetrics: false,
          postgresMetrics: false,
          readiness: [{ name: 'always', check: async () => ({ fine: true }) }],
          informational: [
            {
              name: 'backlog',
              check: async ({ moduleRef }) => {
                const backlog = moduleRef.get(Backlog, { strict: false });
                if (backlog.stale) throw new Error('backlog is stale');
                return { size: backlog.size };
              },
            },
          ],
          managementRoutes: [
            {
              path: '/backlog/status',
              handle: async ({ moduleRef }) => ({ size: moduleRef.get(Backlog, { strict: false }).size }),
            },
          ],
        }),
      ],
    })
    class AppModule {}

    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    management = getManagementUrl(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows an informational check in /health details only, after the readiness checks', async () => {
    const { status, body } = await getJson<Body>(`${management}/health`);
    expect(status).toBe(200);
    expect(Object.keys(body.details)).toEqual(['server', 'always', 'backlog']);
    expect(body.details['backlog']).toMatchObject({ status: 'up', size: 3 });
    expect(Object.keys(body.info)).toEqual(['server', 'always']);

    const ready = await getJson<Body>(`${management}/health/ready`);
    expect(Object.keys(ready.body.details)).toEqual(['server', 'always']);
  });

  it('lists a failing informational check as down without turning /health or readiness to 503', async () => {
    app.get(Backlog).stale = true;
    try {
      const { status, body } = await getJson<Body>(`${management}/health`);
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.details['backlog']).toMatchObject({ status: 'down', message: 'backlog is stale' });
      expect(body.error).toEqual({});
      expect((await getJson<Body>(`${management}/health/ready`)).status).toBe(200);
    } finally {
      app.get(Backlog).stale = false;
    }
  });

  it('serves a management route that reaches the application through moduleRef', async () => {
    app.get(Backlog).size = 7;
    const { status, body } = await getJson(`${management}/backlog/status`);
    expect([status, body]).toEqual([200, { size: 7 }]);
  });
});
