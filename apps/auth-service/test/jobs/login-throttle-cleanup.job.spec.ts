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

  const rowCounts = async () =>
    (
      (await bed.dataSource.query(
        `SELECT (SELECT count(*) FROM login_throttle)::int AS windows,
                (SELECT count(*) FROM login_account_throttle)::int AS accounts,
                (SELECT count(*) FROM login_known_addresses)::int AS known`,
      )) as { windows: number; accounts: number; known: number }[]
    )[0]!;
  const every = (seconds: number) => ({ LOGIN_WINDOW_SECONDS: seconds }) as AuthConfig;

  it('runs on its own once per window and deletes only the rows that no longer count', async () => {
    const throttle = bed.ports.loginThrottle;
    // Past their time: a pair and an account counter, an address window, an address known long ago.
    await throttle.check('ended@example.com', '192.0.2.10');
    await throttle.recordFailure('ended@example.com', '192.0.2.10');
    await throttle.recordSuccess('long-ago@example.com', '192.0.2.11');
    bed.clock.advance(bed.throttleSettings.knownAddressDays * 24 * 3600 + 1);
    // Current: a pair and an account counter, a known address.
    await throttle.check('current@example.com', undefined);
    await throttle.recordSuccess('recent@example.com', '192.0.2.12');
    expect(await rowCounts()).toEqual({ windows: 3, accounts: 2, known: 2 });

    const job = new LoginThrottleCleanupJob(bed.ports, every(1));
    job.onApplicationBootstrap();
    try {
      await eventually('the expired rows to be deleted', async () => (await rowCounts()).known === 1, 15_000);
      expect(await rowCounts()).toEqual({ windows: 1, accounts: 1, known: 1 });
      const [{ key }] = (await bed.dataSource.query(`SELECT key FROM login_throttle`)) as { key: string }[];
      expect(key).toMatch(/^pair:/);
      expect(logs.filter((record) => record.message === 'expired login-throttle rows deleted')[0]).toMatchObject({
        deleted: 4,
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
