import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureLogging } from '@platform/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getManagementUrl, MonitoringModule } from '../monitoring.module.js';
import { scrape } from '../testing/http.js';

describe('health on /metrics', () => {
  let app: NestFastifyApplication;
  let management: string;
  let databaseUp = true;

  beforeAll(async () => {
    configureLogging({ level: 'error' });

    @Module({
      imports: [
        MonitoringModule.forRoot({
          managementHost: '127.0.0.1',
          managementPort: 0,
          defaultMetrics: false,
          postgresMetrics: false,
          readiness: [
            {
              name: 'postgres',
              check: async () => {
                if (!databaseUp) throw new Error('connection refused');
              },
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

  it('shows each readiness check as health_check_status, evaluated when scraped', async () => {
    expect(await scrape(management)).toContain('health_check_status{check="postgres"} 1');
    databaseUp = false;
    try {
      expect(await scrape(management)).toContain('health_check_status{check="postgres"} 0');
    } finally {
      databaseUp = true;
    }
  });

  it('shows the free and total space of the working directory', async () => {
    const text = await scrape(management);
    const avail = Number(/^filesystem_avail_bytes\{[^}]*\} (\S+)$/m.exec(text)?.[1]);
    const size = Number(/^filesystem_size_bytes\{[^}]*\} (\S+)$/m.exec(text)?.[1]);
    expect(size).toBeGreaterThan(0);
    expect(avail).toBeGreaterThanOrEqual(0);
    expect(avail).toBeLessThanOrEqual(size);
  });
});
