import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@platform/infra';
import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, restoreBackup, verifyBackup } from '../src/index.js';

// The CronJob's script (deploy/k8s/base/db-backup.sh) run as the CronJob runs it, on this machine's
// pg_dump and psql: what it writes is a backup the tool verifies and restores.
const SCRIPT = path.join(repoRoot, 'deploy/k8s/base/db-backup.sh');

async function sql(url: string, text: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the backup CronJob script', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'db-backup-cron-'));
  const secrets = path.join(scratch, 'secrets');
  const root = path.join(scratch, 'backups');
  let business: TestDatabase;
  let bare: TestDatabase;

  beforeAll(async () => {
    [business, bare] = await Promise.all([createTestDatabase('db_backup_cron'), createTestDatabase('db_backup_bare')]);
    await sql(
      business.url,
      `CREATE TABLE migrations (id serial PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL);
       INSERT INTO migrations ("timestamp", name) VALUES (1700000000000, 'Only1700000000000');
       CREATE TABLE messaging_outbox (id bigserial PRIMARY KEY, published_at timestamptz);
       INSERT INTO messaging_outbox (published_at) VALUES (NULL), (NULL), (now());
       CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
       INSERT INTO customers (name) VALUES ('Initech'), ('Globex');`,
    );
    // As the projected Secret volume lays them out: <service>/database-url.
    for (const [service, database] of [
      ['business-service', business],
      ['auth-service', bare],
    ] as const) {
      mkdirSync(path.join(secrets, service), { recursive: true });
      writeFileSync(path.join(secrets, service, 'database-url'), `${database.url}\n`);
    }
  });
  afterAll(async () => {
    await Promise.all([business?.drop(), bare?.drop()]);
    rmSync(scratch, { recursive: true, force: true });
  });

  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync('/bin/sh', [SCRIPT], { env: { ...process.env, BACKUP_ROOT: root, ...env }, encoding: 'utf8' });

  it('writes a backup that the tool verifies and restores', async () => {
    const result = run({ SECRETS_DIR: secrets });
    expect(result.status, result.stderr).toBe(0);
    const [folder] = readdirSync(root).map((name) => path.join(root, name));
    const manifest = await readManifest(folder!);
    expect(manifest.databases).toEqual([
      expect.objectContaining({
        service: 'auth-service',
        database: bare.name,
        latestMigration: null,
        pendingEvents: null,
      }),
      expect.objectContaining({
        service: 'business-service',
        database: business.name,
        latestMigration: 'Only1700000000000',
        pendingEvents: 2,
        rowCounts: null,
      }),
    ]);
    await verifyBackup(folder!);

    await sql(business.url, 'DELETE FROM customers');
    const restored = await restoreBackup({
      folder: folder!,
      targets: [{ service: 'business-service', database: business.name, url: business.url }],
      services: ['business-service'],
    });
    expect(restored[0]!.differences).toEqual([]);
    expect((await sql(business.url, 'SELECT name FROM customers ORDER BY id')).map((r) => r['name'])).toEqual([
      'Initech',
      'Globex',
    ]);
  });

  it('fails without a database URL to read, and leaves no folder behind', () => {
    // A root of its own: the folder is named by the second, and a backup above may have taken this second's.
    const ownRoot = path.join(scratch, 'backups-without-secrets');
    mkdirSync(ownRoot);
    const result = run({ SECRETS_DIR: path.join(scratch, 'no-secrets'), BACKUP_ROOT: ownRoot });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('database-url to back up');
    expect(readdirSync(ownRoot)).toHaveLength(0);
  });
});
