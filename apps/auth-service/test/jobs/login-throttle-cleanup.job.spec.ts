import { eventually } from '@platform/infra/testing';
import { captureLogs, type LogCapture } from '@platform/logging/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/auth.config.js';
import { LoginThrottleCleanupJob } from '../../src/infrastructure/primary-adapters/jobs/login-throttle-cleanup.job.js';
import { authDataSourceOptions } from '../../src/infrastructure/secondary-adapters/persistence/auth-data-source.js';
import { PostgresLoginThrottle } from '../../src/infrastructure/secondary-adapters/throttle/postgres-login-throttle.js';
import { createAuthTestBed, type AuthTestBed } from '../support/auth-test-bed.js';

describe('the login-throttle cleanup job', () => {
  let bed: AuthTestBed;
  let logs: LogCapture;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_throttle_cleanup');
    logs = captureLogs({ level: 'debug' });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const keys = async () =>
    ((await bed.dataSource.query(`SELECT key FROM login_throttle ORDER BY key`)) as { key: string }[]).map(
      (row) => row.key,
    );
  const every = (seconds: number) => ({ LOGIN_WINDOW_SECONDS: seconds }) as AuthConfig;

  it('runs on its own once per window and deletes only ended windows', async () => {
    await bed.ports.loginThrottle.recordFailure('ended@example.com', '192.0.2.10');
    bed.clock.advance(bed.throttleSettings.windowSeconds + 1);
    await bed.ports.loginThrottle.recordFailure('current@example.com', undefined);

    const job = new LoginThrottleCleanupJob(bed.ports, every(1));
    job.onApplicationBootstrap();
    try {
      await eventually('the ended windows to be deleted', async () => (await keys()).length === 1, 15_000);
      expect(await keys()).toEqual(['account:current@example.com']);
      expect(logs.filter((record) => record.message === 'ended login-throttle windows deleted')[0]).toMatchObject({
        deleted: 2,
      });
    } finally {
      await job.onApplicationShutdown();
    }
  });

  it('logs a failed run and keeps the service going', async () => {
    const closed = new DataSource(authDataSourceOptions(bed.database.url));
    const ports = {
      ...bed.ports,
      loginThrottle: new PostgresLoginThrottle(closed, { ...bed.throttleSettings, clock: bed.clock }),
    };
    const job = new LoginThrottleCleanupJob(ports, every(300));
    await expect(job.runOnce()).resolves.toBe(0);
    expect(logs.filter((record) => record.message.startsWith('login-throttle cleanup failed'))).toHaveLength(1);
    await job.onApplicationShutdown();
  });
});
