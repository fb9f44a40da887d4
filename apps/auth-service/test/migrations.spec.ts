import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@platform/infra';
import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authDataSourceOptions,
  authMigrations,
} from '../src/infrastructure/secondary-adapters/persistence/auth-data-source.js';
import { LoginThrottlingWithoutLockout1795200000000 } from '../src/infrastructure/secondary-adapters/persistence/migrations/1795200000000-login-throttling-without-lockout.js';

const exec = promisify(execFile);
const migrate = (env: NodeJS.ProcessEnv) =>
  exec(
    process.execPath,
    [
      '--import',
      '@swc-node/register/esm-register',
      'apps/auth-service/src/infrastructure/primary-adapters/cli/migrate.ts',
    ],
    { cwd: repoRoot, env: { ...process.env, ...env } },
  );

describe('auth-service migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('auth_migrations');
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('apply through the documented command, once', async () => {
    const first = await migrate({ DATABASE_URL: database.url });
    expect(first.stdout).toContain(
      'applied MessagingSchema1795000000000, MessagingPersonalData1795000100000, CreateAuthTables1795100000000, LoginThrottlingWithoutLockout1795200000000, MarkPersonalData1795900000000',
    );
    // The URL as a container platform mounts a secret: a file, with its trailing newline.
    const secrets = await mkdtemp(join(tmpdir(), 'auth-migrate-'));
    try {
      await writeFile(join(secrets, 'database-url'), `${database.url}\n`);
      const second = await migrate({ DATABASE_URL: '', DATABASE_URL_FILE: join(secrets, 'database-url') });
      expect(second.stdout).toContain('up to date');
    } finally {
      await rm(secrets, { recursive: true, force: true });
    }
  });

  it('refuses to run without DATABASE_URL, with one clear line', async () => {
    const failure = await migrate({ DATABASE_URL: '' }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('DATABASE_URL is not set');
  });

  it('keep e-mails unique and lower-case, and refresh tokens tied to their user', async () => {
    dataSource = new DataSource(authDataSourceOptions(database.url));
    await dataSource.initialize();
    const insertUser = (id: string, email: string) =>
      dataSource.query(
        `INSERT INTO users (id, email, display_name, password_hash, created_at, password_changed_at)
         VALUES ($1, $2, 'Ada', 'x', now(), now())`,
        [id, email],
      );
    await insertUser('0192f0c1-7a4e-7c3b-8f00-000000000001', 'ada@example.com');
    await expect(insertUser('0192f0c1-7a4e-7c3b-8f00-000000000002', 'ada@example.com')).rejects.toMatchObject({
      code: '23505',
    });
    await expect(insertUser('0192f0c1-7a4e-7c3b-8f00-000000000003', 'Grace@example.com')).rejects.toMatchObject({
      code: '23514',
    });
    await expect(
      dataSource.query(
        `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
         VALUES ($1, $1, '0192f0c1-7a4e-7c3b-8f00-00000000ffff', repeat('a', 64), now(), now())`,
        ['0192f0c1-7a4e-7c3b-8f00-000000000010'],
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('drop the old per-account lockout windows (plain e-mails) and keep the per-address ones', async () => {
    const old = await createTestDatabase('auth_migrations_throttle');
    const before = new DataSource({
      ...authDataSourceOptions(old.url),
      // The schema as it was before the migration: every migration up to it.
      migrations: authMigrations.slice(0, authMigrations.indexOf(LoginThrottlingWithoutLockout1795200000000)),
    });
    try {
      await before.initialize();
      await before.runMigrations();
      await before.query(
        `INSERT INTO login_throttle (key, failures, window_started_at)
         VALUES ('account:ada@example.com', 5, now()), ('address:192.0.2.1', 2, now())`,
      );
      await before.destroy();

      const after = new DataSource(authDataSourceOptions(old.url));
      await after.initialize();
      try {
        const applied = await after.runMigrations();
        expect(applied[0]?.name).toBe('LoginThrottlingWithoutLockout1795200000000');
        expect(await after.query(`SELECT key, failures FROM login_throttle`)).toEqual([
          { key: 'address:192.0.2.1', failures: 2 },
        ]);
        // Down through it (and the later ones), then up again.
        for (const _ of applied) await after.undoLastMigration();
        await after.runMigrations();
      } finally {
        await after.destroy();
      }
    } finally {
      if (before.isInitialized) await before.destroy();
      await old.drop();
    }
  });
});
