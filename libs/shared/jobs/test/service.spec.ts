import { PassThrough } from 'node:stream';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import { eventually } from '@platform/infra/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JobRunner,
  JobsModule,
  jobsHealthCheck,
  jobsMigrations,
  jobsStatusRoute,
  type JobsStatus,
} from '../src/index.js';
import { createItemsDatabase, itemsJob, type ItemsDatabase } from './support/items.js';

const HOUR = 3_600_000;

interface HealthBody {
  status: string;
  info: Record<string, { status: string }>;
  error: Record<string, { status: string }>;
  details: Record<string, { status: string; message?: string; [key: string]: unknown }>;
}

describe('jobs in a service', () => {
  let db: ItemsDatabase;
  let service: RunningService<never>;
  let clock = Date.parse('2030-01-01T00:00:00Z');

  beforeAll(async () => {
    db = await createItemsDatabase('jobs_service', 120);

    @Module({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: db.database.url, migrations: jobsMigrations, retryAttempts: 0 }),
        JobsModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            jobs: [itemsJob(dataSource, { name: 'nightly', everyMs: HOUR, staleAfterMs: 2 * HOUR }).job],
            instance: 'service-1',
            now: () => clock,
          }),
        }),
      ],
    })
    class ServiceModule {}

    service = await bootstrapService({
      name: 'jobs-service',
      module: ServiceModule,
      env: { PORT: '0', HOST: '127.0.0.1', MANAGEMENT_PORT: '0', LOG_LEVEL: 'error', NODE_ENV: 'test' },
      logStream: new PassThrough(),
      handleSignals: false,
      informational: () => [jobsHealthCheck()],
      managementRoutes: () => [jobsStatusRoute()],
    });
  });

  afterAll(async () => {
    await service?.shutdown('test over');
    await db?.close();
  });

  async function get<T>(path: string): Promise<{ status: number; body: T; type: string | null }> {
    const response = await fetch(`${service.managementUrl}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as T };
  }

  it('runs the job on its schedule once the service is up, and answers GET /jobs/status', async () => {
    // The first run of a job that never ran is due at once (plus a little jitter).
    await eventually('the scheduled run', async () => {
      const rows = await db.dataSource.query(`SELECT status FROM job_runs`);
      return rows.length === 1 && rows[0].status === 'succeeded';
    });

    const { status, body } = await get<JobsStatus>('/jobs/status');
    expect(status).toBe(200);
    expect(body.instance).toBe('service-1');
    expect(body.jobs).toHaveLength(1);
    expect(body.jobs[0]).toMatchObject({
      job: 'nightly',
      running: false,
      stale: false,
      lastSucceededAt: '2030-01-01T00:00:00.000Z',
      itemsPending: 0,
      nextRunAt: expect.any(String),
      lastRun: { trigger: 'schedule', status: 'succeeded', instance: 'service-1', itemsSucceeded: 120 },
    });
    // The next run is anchored one period after this one's start.
    expect(Date.parse(body.jobs[0]!.nextRunAt!)).toBeGreaterThanOrEqual(clock + HOUR);

    const health = await get<HealthBody>('/health');
    expect(health.status).toBe(200);
    expect(health.body.details['jobs']).toMatchObject({ status: 'up', jobs: 1, running: 0, stale: 0 });
  });

  it('shows a stale job in /health details without failing /health or readiness', async () => {
    clock += 2 * HOUR + 1;

    const health = await get<HealthBody>('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.details['jobs']).toMatchObject({
      status: 'down',
      message: '1 job(s) stale: nightly (last success 2030-01-01T00:00:00.000Z, allowed 7200 s)',
    });
    expect(health.body.error).toEqual({});

    const ready = await get<HealthBody>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details['jobs']).toBeUndefined();

    const metrics = await (await fetch(`${service.managementUrl}/metrics`)).text();
    expect(metrics).toContain('jobs_stale{job_name="nightly"} 1');

    // An admin run (what an admin endpoint does with the injected runner) clears it.
    const runner = service.app.get(JobRunner);
    await (
      await runner.trigger('nightly')
    ).done;
    expect((await get<HealthBody>('/health')).body.details['jobs']!.status).toBe('up');
    expect((await get<JobsStatus>('/jobs/status')).body.jobs[0]).toMatchObject({
      stale: false,
      lastRun: { trigger: 'admin' },
    });
  });
});
