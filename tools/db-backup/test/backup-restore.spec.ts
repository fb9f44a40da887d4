import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemServices } from '@platform/dev';
import { createTestDatabase, testInfra, type TestDatabase } from '@platform/infra/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  readManifest,
  restoreBackup,
  serviceTargets,
  takeBackup,
  urlSettingOf,
  verifyBackup,
  type DatabaseTarget,
} from '../src/index.js';

// Backups and restores of databases of this file's own on the run's PostgreSQL, through the real
// pg_dump and pg_restore.
const scratch = mkdtempSync(path.join(tmpdir(), 'db-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => path.join(scratch, `backup-${++folders}`);

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A small service schema: a migrations table as TypeORM keeps it, a sequence-numbered table, an outbox. */
async function seed(url: string, rows: number): Promise<void> {
  await sql(
    url,
    `CREATE TABLE migrations (id serial PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL);
     INSERT INTO migrations ("timestamp", name) VALUES (1700000000000, 'First1700000000000'), (1700000000001, 'Second1700000000001');
     CREATE SEQUENCE invoice_number START 1000;
     CREATE TABLE invoices (id serial PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_number'), body jsonb NOT NULL);
     CREATE TABLE messaging_outbox (id bigserial PRIMARY KEY, payload text NOT NULL, published_at timestamptz);`,
  );
  for (let i = 0; i < rows; i++) {
    await sql(url, 'INSERT INTO invoices (body) VALUES ($1)', [{ line: i, note: `naïve ${i}` }]);
  }
  await sql(url, `INSERT INTO messaging_outbox (payload) VALUES ('pending')`);
}

const invoices = (url: string) =>
  sql<{ id: number; number: string; body: unknown }>(url, 'SELECT id, number, body FROM invoices ORDER BY id');

describe('db-backup', () => {
  let auth: TestDatabase;
  let business: TestDatabase;
  let targets: DatabaseTarget[];

  beforeEach(async () => {
    [auth, business] = await Promise.all([createTestDatabase('db_backup_auth'), createTestDatabase('db_backup_biz')]);
    await Promise.all([seed(auth.url, 3), seed(business.url, 5)]);
    targets = [
      { service: 'auth-service', database: auth.name, url: auth.url },
      { service: 'business-service', database: business.name, url: business.url },
    ];
  });
  afterEach(async () => {
    await Promise.all([auth.drop(), business.drop()]);
  });

  it('round trip: what was taken comes back exactly, sequences included, over later changes', async () => {
    const before = await invoices(business.url);
    const { folder, manifest } = await takeBackup({ targets, folder: newFolder() });

    expect(manifest.databases.map((d) => [d.service, d.database, d.file])).toEqual([
      ['auth-service', auth.name, 'auth-service.dump'],
      ['business-service', business.name, 'business-service.dump'],
    ]);
    const entry = manifest.databases[1]!;
    expect(entry).toMatchObject({
      latestMigration: 'Second1700000000001',
      pendingEvents: 1,
      rowCounts: { 'public.invoices': 5, 'public.messaging_outbox': 1, 'public.migrations': 2 },
      pgDumpVersion: expect.stringMatching(/^pg_dump \(PostgreSQL\) \d+/),
      serverVersion: expect.stringMatching(/^\d+/),
    });
    expect(readFileSync(path.join(folder, 'business-service.dump')).subarray(0, 5).toString()).toBe('PGDMP');
    expect(readFileSync(path.join(folder, 'business-service.dump.sha256'), 'utf8')).toBe(
      `${entry.sha256}  business-service.dump\n`,
    );
    expect(await readManifest(folder)).toEqual(manifest);

    // Life goes on after the backup: more invoices, one deleted, a table gone.
    await sql(business.url, `INSERT INTO invoices (body) VALUES ('{"late": true}'); DELETE FROM invoices WHERE id = 1`);
    await sql(auth.url, 'DROP TABLE invoices');

    const restored = await restoreBackup({ folder, targets });

    expect(restored.map((r) => [r.service, r.differences])).toEqual([
      ['auth-service', []],
      ['business-service', []],
    ]);
    expect(await invoices(business.url)).toEqual(before);
    expect(await invoices(auth.url)).toHaveLength(3);
    // The sequence is where it was at the backup: the next number follows the restored ones, no gap, no repeat.
    const [next] = await sql<{ number: string }>(
      business.url,
      `INSERT INTO invoices (body) VALUES ('{}') RETURNING number`,
    );
    expect(Number(next!.number)).toBe(Number(before.at(-1)!.number) + 1);
  });

  it('restores one service into a database of another name, leaving the others alone', async () => {
    const { folder } = await takeBackup({ targets, folder: newFolder() });
    const elsewhere = await createTestDatabase('db_backup_elsewhere');
    try {
      await sql(auth.url, 'DELETE FROM invoices');
      const restored = await restoreBackup({
        folder,
        targets: [{ service: 'business-service', database: elsewhere.name, url: elsewhere.url }],
        services: ['business-service'],
      });
      expect(restored.map((r) => r.database)).toEqual([elsewhere.name]);
      expect(await invoices(elsewhere.url)).toEqual(await invoices(business.url));
      expect(await invoices(auth.url)).toEqual([]);
    } finally {
      await elsewhere.drop();
    }
  });

  it('refuses a dump whose checksum does not match, before touching any database', async () => {
    const { folder } = await takeBackup({ targets, folder: newFolder() });
    const dump = path.join(folder, 'business-service.dump');
    const bytes = readFileSync(dump);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(dump, bytes);
    await sql(auth.url, 'DELETE FROM invoices');

    const refused = restoreBackup({ folder, targets });
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow('business-service.dump does not match its SHA-256');
    // The intact auth dump was not restored either: verification comes before any change.
    expect(await invoices(auth.url)).toEqual([]);
    await expect(verifyBackup(folder, ['auth-service'])).resolves.toBeDefined();
  });

  it('refuses a backup without its manifest, or with a dump missing, naming what is wrong', async () => {
    const { folder } = await takeBackup({ targets, folder: newFolder() });
    unlinkSync(path.join(folder, 'auth-service.dump'));
    await expect(restoreBackup({ folder, targets })).rejects.toThrow('auth-service.dump is missing');
    unlinkSync(path.join(folder, 'manifest.json'));
    await expect(restoreBackup({ folder, targets })).rejects.toThrow(/manifest\.json is missing/);
    expect(await invoices(auth.url)).toHaveLength(3);
  });

  it('refuses while a service is connected, and terminates the connection with force', async () => {
    const { folder } = await takeBackup({ targets, folder: newFolder() });
    const service = new pg.Client({ connectionString: business.url, application_name: 'business-service' });
    service.on('error', () => undefined);
    await service.connect();
    try {
      await sql(business.url, 'DELETE FROM invoices');
      await sql(auth.url, 'DELETE FROM invoices');
      await expect(restoreBackup({ folder, targets })).rejects.toThrow(
        /has open connections \(1 × business-service\).*--force/,
      );
      // Refused before any drop: the auth database, first in line and unconnected, is untouched too.
      expect(await invoices(business.url)).toEqual([]);
      expect(await invoices(auth.url)).toEqual([]);

      await restoreBackup({ folder, targets, force: true });
      expect(await invoices(business.url)).toHaveLength(5);
      await expect(service.query('SELECT 1')).rejects.toThrow();
    } finally {
      await service.end().catch(() => undefined);
    }
  });

  it('never overwrites a folder, and leaves none behind when a database cannot be reached', async () => {
    const folder = newFolder();
    await takeBackup({ targets, folder });
    await expect(takeBackup({ targets, folder })).rejects.toThrow(/already exists/);

    const unreachable = new URL(auth.url);
    unreachable.port = '1';
    unreachable.password = 'not-shown';
    const failed = newFolder();
    const attempt = takeBackup({
      targets: [...targets, { service: 'notification-service', database: auth.name, url: unreachable.toString() }],
      folder: failed,
    });
    await expect(attempt).rejects.toThrow(
      /cannot reach PostgreSQL at postgres:\/\/.*:\*\*\*@127\.0\.0\.1:1\/.*ECONNREFUSED/,
    );
    expect(existsSync(failed)).toBe(false);
  });

  it('says so when pg_dump is not where it should be', async () => {
    await expect(
      takeBackup({ targets, folder: newFolder(), env: { PG_BIN_DIR: path.join(scratch, 'no-such-bin') } }),
    ).rejects.toThrow(/pg_dump not found.*PG_BIN_DIR/);
  });
});

describe('serviceTargets', () => {
  it('takes the databases npm start creates, on the server of DATABASE_URL', () => {
    const server = testInfra().databaseUrl;
    const targets = serviceTargets({ DATABASE_URL: server, BUSINESS_DATABASE: 'business_elsewhere' });
    // Every service of the registry with a database (a generated one too), under its default name but one.
    const withDatabase = systemServices({}).filter((spec) => spec.database !== undefined);
    expect(targets.map((t) => [t.service, t.database])).toEqual(
      withDatabase.map((spec) => [spec.name, spec.name === 'business-service' ? 'business_elsewhere' : spec.database]),
    );
    expect(targets.map((t) => [t.service, t.database]).slice(0, 3)).toEqual([
      ['auth-service', 'auth'],
      ['business-service', 'business_elsewhere'],
      ['notification-service', 'notification'],
    ]);
    expect(new URL(targets[0]!.url).host).toBe(new URL(server).host);
  });

  it("reads a service's own URL from <SERVICE>_DATABASE_URL_FILE, as a mounted secret", () => {
    const file = path.join(scratch, 'auth-url');
    writeFileSync(file, 'postgres://auth:s3cret@db.internal:5432/auth_prod\n');
    const targets = serviceTargets({
      [`${urlSettingOf('auth-service')}_FILE`]: file,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    expect(targets[0]).toEqual({
      service: 'auth-service',
      database: 'auth_prod',
      url: 'postgres://auth:s3cret@db.internal:5432/auth_prod',
    });
  });
});
