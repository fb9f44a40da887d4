import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createTestDatabase, testInfra, type TestDatabase } from '@platform/infra/testing';
import { configureLogging } from '@platform/logging';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getManagementUrl, MonitoringModule } from '../monitoring.module.js';
import { getJson } from '../testing/http.js';
import { startFakeDownstream, startFakeRedis, type FakeDownstream, type FakeRedis } from '../testing/fake-servers.js';
import { diskCheck } from './checks/disk.check.js';
import { Heartbeat } from './checks/heartbeat.js';
import { httpCheck } from './checks/http.check.js';
import { kafkaCheck } from './checks/kafka.check.js';
import { memoryCheck } from './checks/memory.check.js';
import { migrationsCheck } from './checks/migrations.check.js';
import { postgresCheck } from './checks/postgres.check.js';
import { redisCheck } from './checks/redis.check.js';

class CreateInvoice1700000000000 implements MigrationInterface {
  name = 'CreateInvoice1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE invoice (id int PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE invoice');
  }
}

interface Entry {
  status: string;
  responseTime?: number;
  message?: string;
  [key: string]: unknown;
}
interface Body {
  status: string;
  info: Record<string, Entry>;
  error: Record<string, Entry>;
  details: Record<string, Entry>;
}

const CHECKS = ['server', 'postgres', 'migrations', 'kafka', 'redis', 'billing-api', 'reminders', 'disk', 'memory'];

describe('health endpoints', () => {
  let database: TestDatabase;
  let redis: FakeRedis;
  let downstream: FakeDownstream;
  let app: NestFastifyApplication;
  let management: string;
  let clock = Date.parse('2030-01-01T00:00:00Z');
  const heartbeat = new Heartbeat('reminders', { maxAgeMs: 60_000, now: () => clock });

  beforeAll(async () => {
    configureLogging({ level: 'error' });
    database = await createTestDatabase('monitoring_health');
    redis = await startFakeRedis();
    downstream = await startFakeDownstream();

    @Module({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          migrations: [CreateInvoice1700000000000],
          synchronize: false,
          retryAttempts: 0,
        }),
        MonitoringModule.forRoot({
          managementHost: '127.0.0.1',
          managementPort: 0,
          readiness: [
            postgresCheck(),
            migrationsCheck(),
            kafkaCheck({ brokers: testInfra().kafkaBrokers }),
            redisCheck({ url: redis.url, timeoutMs: 300 }),
            httpCheck({ name: 'billing-api', url: downstream.url }),
            heartbeat,
            diskCheck({ maxUsedRatio: 1 }),
            memoryCheck({ maxHeapUsedBytes: 64 * 1024 ** 3 }),
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
    await redis?.close();
    await downstream?.close();
    await database?.drop();
  });

  it('is not ready while a migration is pending, and says which', async () => {
    const ready = await getJson<Body>(`${management}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('error');
    expect(ready.body.error).toEqual({ migrations: { status: 'down' } });
    expect(ready.body.details['migrations']).toEqual({ status: 'down' });

    const detailed = await getJson<Body>(`${management}/health`);
    expect(detailed.status).toBe(503);
    expect(detailed.body.details['migrations']!.message).toBe('1 pending migration(s): CreateInvoice1700000000000');
    expect(detailed.body.details['postgres']!.status).toBe('up');
  });

  it('is ready once migrations ran, showing each dependency with its latency', async () => {
    await app.get(DataSource).runMigrations();
    heartbeat.beat();

    const ready = await getJson<Body>(`${management}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(ready.body.status).toBe('ok');
    expect(ready.body.error).toEqual({});
    expect(ready.body.details).toEqual(Object.fromEntries(CHECKS.map((name) => [name, { status: 'up' }])));

    const { status, body } = await getJson<Body>(`${management}/health`);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details)).toEqual(CHECKS);
    for (const name of CHECKS.filter((n) => n !== 'server')) {
      expect(body.details[name]!.status, name).toBe('up');
      expect(body.details[name]!.responseTime, name).toEqual(expect.any(Number));
    }
    expect(body.details['server']).toEqual({ status: 'up', listening: true });
    expect(body.details['migrations']).toMatchObject({ known: 1, pending: 0 });
    expect(body.details['kafka']!['brokers']).toBeGreaterThanOrEqual(1);
    expect(body.details['kafka']!['clusterId']).toEqual(expect.any(String));
    expect(body.details['billing-api']).toMatchObject({ statusCode: 200 });
    expect(body.details['reminders']).toMatchObject({
      lastBeatAt: '2030-01-01T00:00:00.000Z',
      ageMs: 0,
      maxAgeMs: 60_000,
    });
    expect(body.details['disk']).toMatchObject({ path: '/', maxUsedRatio: 1 });
    expect(body.details['disk']!['usedRatio']).toEqual(expect.any(Number));
    expect(body.details['memory']!['heapUsedBytes']).toBeGreaterThan(0);
  });

  it('reports each failing dependency as down with the reason, and stays live', async () => {
    redis.mode = 'silent';
    downstream.status = 503;
    clock += 60_001;
    try {
      const ready = await getJson<Body>(`${management}/health/ready`);
      expect(ready.status).toBe(503);
      expect(Object.keys(ready.body.error).sort()).toEqual(['billing-api', 'redis', 'reminders']);

      const { body } = await getJson<Body>(`${management}/health`);
      expect(body.status).toBe('error');
      expect(body.details['redis']).toMatchObject({ status: 'down', message: 'timeout of 300ms exceeded' });
      expect(body.details['billing-api']).toMatchObject({
        status: 'down',
        message: 'GET http://127.0.0.1:' + new URL(downstream.url).port + '/health/ready answered 503',
      });
      expect(body.details['reminders']).toMatchObject({
        status: 'down',
        message: 'last beat 60001 ms ago (max 60000 ms)',
      });
      expect(body.details['postgres']!.status).toBe('up');
      expect(body.info['postgres']!.status).toBe('up');
      expect(body.error['redis']!.status).toBe('down');

      const live = await getJson<Body>(`${management}/health/live`);
      expect(live.status).toBe(200);
      expect(live.body.status).toBe('ok');
      expect(live.body.details['process']!.status).toBe('up');
      expect(live.body.details['process']!['uptimeSeconds']).toEqual(expect.any(Number));
    } finally {
      redis.mode = 'pong';
      downstream.status = 200;
      heartbeat.beat();
    }
    expect((await getJson<Body>(`${management}/health/ready`)).status).toBe(200);
  });

  it('reports Redis errors and redirects of a downstream as down', async () => {
    redis.mode = 'error';
    downstream.status = 302;
    try {
      const { body } = await getJson<Body>(`${management}/health`);
      expect(body.details['redis']).toMatchObject({ status: 'down', message: 'Redis answered ERR something broke' });
      expect(body.details['billing-api']).toMatchObject({ status: 'down' });
      expect(body.details['billing-api']!.message).toMatch(/answered 302$/);
    } finally {
      redis.mode = 'pong';
      downstream.status = 200;
    }
  });
});
