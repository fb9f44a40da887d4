import { stat } from 'node:fs/promises';
import path from 'node:path';
import { databaseUrl } from '@platform/dev';
import { quoteIdent, readFacts, withClient } from './database.js';
import { BackupError } from './errors.js';
import { type Manifest, type ManifestDatabase, readManifest, sha256Of } from './manifest.js';
import { runPgToolOn } from './pg-tools.js';
import type { DatabaseTarget } from './targets.js';

export interface RestoreOptions {
  /** The backup's folder (with its manifest.json). */
  folder: string;
  /** Where each service's database goes now (its name may differ from the one backed up). */
  targets: DatabaseTarget[];
  /** Only these services' databases; all in the manifest when empty. */
  services?: string[];
  /** Terminate the connections to a database instead of refusing to drop it. */
  force?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** What a restore did to one database, and whether it now matches the manifest. */
export interface RestoredDatabase {
  service: string;
  database: string;
  latestMigration: string | null;
  /** Tables whose row count differs from the manifest's (none after a faithful restore). */
  differences: string[];
}

/**
 * Checks the backup before anything is touched: the manifest is there and readable, the services
 * asked for are in it, and every dump they need is present with its recorded size and SHA-256.
 * All problems are reported together.
 */
export async function verifyBackup(
  folder: string,
  services: string[] = [],
): Promise<{ manifest: Manifest; entries: ManifestDatabase[] }> {
  const manifest = await readManifest(folder);
  const missing = services.filter((name) => !manifest.databases.some((entry) => entry.service === name));
  if (missing.length > 0) {
    throw new BackupError(
      `the backup in ${folder} has no ${missing.join(', ')} (it has ${manifest.databases.map((e) => e.service).join(', ')})`,
    );
  }
  const entries =
    services.length === 0 ? manifest.databases : manifest.databases.filter((e) => services.includes(e.service));
  const problems: string[] = [];
  for (const entry of entries) {
    const file = path.join(folder, entry.file);
    const size = await stat(file).then(
      (stats) => stats.size,
      () => undefined,
    );
    if (size === undefined) problems.push(`${entry.file} is missing`);
    else if (size !== entry.bytes) problems.push(`${entry.file} has ${size} bytes, the manifest says ${entry.bytes}`);
    else if ((await sha256Of(file)) !== entry.sha256) problems.push(`${entry.file} does not match its SHA-256`);
  }
  if (problems.length > 0) {
    throw new BackupError(`the backup in ${folder} is damaged; nothing was restored:\n  ${problems.join('\n  ')}`);
  }
  return { manifest, entries };
}

/**
 * Verifies the whole backup first, then for each database: refuses while anything else is
 * connected (unless `force`, which terminates those connections), drops and re-creates it owned
 * by its recorded owner, and `pg_restore --exit-on-error --no-owner --single-transaction` the dump
 * as that owner. Afterwards it compares the row counts and latest migration with the manifest.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoredDatabase[]> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const { entries } = await verifyBackup(options.folder, options.services);
  const plan = entries.map((entry) => {
    const target = options.targets.find((t) => t.service === entry.service);
    if (!target) throw new BackupError(`no database configured for ${entry.service}: where should it go?`);
    return { entry, target };
  });
  // Every database is checked for connections before the first is dropped.
  if (!options.force) {
    for (const { target } of plan) await refuseWhileConnected(target);
  }
  const restored: RestoredDatabase[] = [];
  for (const { entry, target } of plan) {
    const owner = await recreate(target, entry.owner);
    await runPgToolOn(
      'pg_restore',
      target.url,
      [
        '--exit-on-error',
        '--no-owner',
        '--single-transaction',
        ...(owner ? [`--role=${owner}`] : []),
        path.join(options.folder, entry.file),
      ],
      env,
    );
    const facts = await withClient(target.url, readFacts);
    const differences = Object.entries(entry.rowCounts ?? {})
      .filter(([table, count]) => facts.rowCounts[table] !== count)
      .map(([table, count]) => `${table}: ${facts.rowCounts[table] ?? 'missing'} rows, the manifest says ${count}`);
    if (facts.latestMigration !== entry.latestMigration) {
      differences.push(`latest migration ${facts.latestMigration}, the manifest says ${entry.latestMigration}`);
    }
    const rows = Object.values(facts.rowCounts).reduce((sum, count) => sum + count, 0);
    if (entry.pendingEvents) {
      log(
        `${entry.service}: ${entry.pendingEvents} event(s) were unpublished at the backup: the relay publishes them ` +
          'now; a consumer whose restored database had not applied one applies it (see README)',
      );
    }
    log(
      `${entry.service}: ${entry.file} → ${target.database} (${rows} rows, migration ${facts.latestMigration ?? 'none'}` +
        (differences.length === 0
          ? ', matches the manifest)'
          : `; differs from the manifest: ${differences.join('; ')})`),
    );
    restored.push({
      service: entry.service,
      database: target.database,
      latestMigration: facts.latestMigration,
      differences,
    });
  }
  return restored;
}

/** The server's maintenance database, to drop and create the target from. */
function maintenanceUrl(target: DatabaseTarget): string {
  return databaseUrl(target.url, 'postgres');
}

async function refuseWhileConnected(target: DatabaseTarget): Promise<void> {
  const sessions = await withClient(maintenanceUrl(target), async (client) => {
    const { rows } = await client.query<{ application_name: string; count: string }>(
      `SELECT application_name, count(*) AS count FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 1`,
      [target.database],
    );
    return rows;
  });
  if (sessions.length > 0) {
    const who = sessions.map((s) => `${s.count} × ${s.application_name || 'unnamed'}`).join(', ');
    throw new BackupError(
      `${target.database} (${target.service}) has open connections (${who}): stop the service first, ` +
        'or pass --force to terminate them; nothing was restored',
    );
  }
}

/**
 * Drops and creates the target, owned by `owner` when that role exists here; returns the role the
 * restore should run as (none: the connecting role, which then owns everything).
 */
async function recreate(target: DatabaseTarget, owner: string): Promise<string | undefined> {
  return withClient(maintenanceUrl(target), async (client) => {
    const { rows } = await client.query<{ exists: boolean; me: string }>(
      'SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists, current_user AS me',
      [owner],
    );
    const { exists, me } = rows[0]!;
    const name = quoteIdent(target.database);
    // WITH (FORCE) ends sessions still connected (PostgreSQL 13+): only reached with --force or none connected.
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}${exists ? ` OWNER ${quoteIdent(owner)}` : ''}`);
    return exists && owner !== me ? owner : undefined;
  });
}
