import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import { createTestDatabase, testInfra, type TestDatabase } from '@platform/infra/testing';
import { JobRunner } from '@platform/jobs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../src/app.module.js';
import { AuthConfig } from '../../src/auth.config.js';

const DAY = 86_400_000;
const key = (label: string) => label.padEnd(64, '0');

// The service's wired retention rules (README "Retention"), run through its own JobRunner.
describe('retention rules of the auth-service', () => {
  let database: TestDatabase;
  let service: RunningService<AuthConfig>;
  let db: pg.Client;
  let runner: JobRunner;
  let keyDir: string;
  const ago = (ms: number) => new Date(Date.now() - ms);

  async function start(env: NodeJS.ProcessEnv): Promise<RunningService<AuthConfig>> {
    return bootstrapService({
      name: 'auth-service',
      module: AppModule,
      config: AuthConfig,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
        JWT_DEV_KEY_DIR: keyDir,
        JOBS_ENABLED: 'false',
        ...env,
      },
      handleSignals: false,
    });
  }

  async function rowsDeleted(table: string): Promise<number> {
    const text = await (await fetch(`${service.managementUrl}/metrics`)).text();
    const line = text.split('\n').find((row) => row.startsWith(`retention_rows_deleted_total{table="${table}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  async function run(job: string): Promise<number> {
    const result = await (await runner.trigger(job)).done;
    expect(result.outcome).toBe('succeeded');
    return result.itemsSucceeded;
  }

  beforeAll(async () => {
    database = await createTestDatabase('auth_retention');
    keyDir = mkdtempSync(path.join(tmpdir(), 'auth-keys-'));
    service = await start({
      RETENTION_REFRESH_TOKENS_DAYS: '5',
      LOGIN_WINDOW_SECONDS: '600',
      LOGIN_KNOWN_ADDRESS_DAYS: '20',
    });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    runner = service.app.get(JobRunner);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await service?.shutdown('test over').catch(() => undefined);
    await database?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it('deletes refresh tokens expired longer ago than the setting and keeps the others', async () => {
    const userId = uuidv7();
    await db.query(
      `INSERT INTO users (id, email, display_name, password_hash, created_at, password_changed_at)
       VALUES ($1, 'retention@example.com', 'Retention', 'hash', now(), now())`,
      [userId],
    );
    for (const [label, expiredDaysAgo] of [
      ['a', 6],
      ['b', 30],
      ['c', 4],
      ['d', -10],
    ] as const) {
      await db.query(
        `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
         VALUES ($1, $1, $2, $3, $4, $5)`,
        [uuidv7(), userId, key(label), ago((expiredDaysAgo + 14) * DAY), ago(expiredDaysAgo * DAY)],
      );
    }
    const before = await rowsDeleted('refresh_tokens');

    expect(await run('retention-refresh-tokens')).toBe(2);

    const { rows } = await db.query(`SELECT left(token_hash, 1) AS token FROM refresh_tokens ORDER BY 1`);
    expect(rows).toEqual([{ token: 'c' }, { token: 'd' }]);
    expect(await rowsDeleted('refresh_tokens')).toBe(before + 2);
  });

  it('deletes ended login-throttle windows and keeps the current ones', async () => {
    await db.query(
      `INSERT INTO login_throttle (key, failures, window_started_at)
       VALUES ('address:192.0.2.1', 3, $1), ('address:192.0.2.2', 3, $2)`,
      [ago(601_000), ago(599_000)],
    );

    expect(await run('retention-login-throttle')).toBe(1);

    expect(await db.query(`SELECT key FROM login_throttle`).then((result) => result.rows)).toEqual([
      { key: 'address:192.0.2.2' },
    ]);
  });

  it('deletes account counters whose hour and last delay are over, not one still delaying', async () => {
    await db.query(
      `INSERT INTO login_account_throttle (account_key, attempts, window_started_at, next_attempt_at)
       VALUES ($1, 12, $4, $4), ($2, 12, $4, now() + interval '1 minute'), ($3, 12, $5, $5)`,
      [key('over'), key('delaying'), key('current'), ago(2 * 3_600_000), ago(1_800_000)],
    );

    expect(await run('retention-login-account-throttle')).toBe(1);

    const { rows } = await db.query(`SELECT account_key FROM login_account_throttle ORDER BY 1`);
    expect(rows).toEqual([{ account_key: key('current') }, { account_key: key('delaying') }]);
  });

  it('forgets addresses not used to log in for LOGIN_KNOWN_ADDRESS_DAYS', async () => {
    await db.query(`INSERT INTO login_known_addresses (key, last_login_at) VALUES ($1, $3), ($2, $4)`, [
      key('forgotten'),
      key('known'),
      ago(21 * DAY),
      ago(19 * DAY),
    ]);
    const before = await rowsDeleted('login_known_addresses');

    expect(await run('retention-login-known-addresses')).toBe(1);

    const { rows } = await db.query(`SELECT key FROM login_known_addresses`);
    expect(rows).toEqual([{ key: key('known') }]);
    expect(await rowsDeleted('login_known_addresses')).toBe(before + 1);
  });

  it('refuses to start with a keep period that is not a whole number of days', async () => {
    await expect(start({ RETENTION_REFRESH_TOKENS_DAYS: '1.5' })).rejects.toThrow(/RETENTION_REFRESH_TOKENS_DAYS/);
  });
});
