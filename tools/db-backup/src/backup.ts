import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@platform/infra';
import { readFacts, withClient } from './database.js';
import { BackupError } from './errors.js';
import { MANIFEST_FORMAT, type Manifest, type ManifestDatabase, sha256Of, writeManifest } from './manifest.js';
import { pgToolVersion, runPgToolOn } from './pg-tools.js';
import type { DatabaseTarget } from './targets.js';

/** Where backups go unless told: git-ignored, beside the rest of the local data. */
export const DEFAULT_BACKUP_ROOT = path.join(repoRoot, '.data', 'backups');

export interface BackupOptions {
  targets: DatabaseTarget[];
  /** The folder to create; default `<root>/<UTC timestamp>`. It must not exist. */
  folder?: string;
  /** Where the timestamped folder goes; default `.data/backups`. */
  root?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** `2026-12-07T13:45:02.123Z` → `2026-12-07T13-45-02Z`: sorts by time, and is a valid file name everywhere. */
export function folderNameOf(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/**
 * Dumps every target (`pg_dump --format=custom`) into a new folder, with each dump's SHA-256 and a
 * manifest written last, so a folder with a manifest is a complete backup. Each database's facts
 * (row counts, latest migration) are read in the very snapshot its dump takes. A failure removes
 * the folder: no half backup is left to be restored.
 */
export async function takeBackup(options: BackupOptions): Promise<{ folder: string; manifest: Manifest }> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const takenAt = new Date();
  const folder = path.resolve(options.folder ?? path.join(options.root ?? DEFAULT_BACKUP_ROOT, folderNameOf(takenAt)));
  if (options.targets.length === 0) throw new BackupError('no database to back up');
  const pgDumpVersion = await pgToolVersion('pg_dump', env);
  await mkdir(path.dirname(folder), { recursive: true });
  try {
    await mkdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupError(`${folder} already exists: a backup never overwrites another; choose a new folder`);
    }
    throw error;
  }
  try {
    const databases: ManifestDatabase[] = [];
    for (const target of options.targets) {
      const file = `${target.service}.dump`;
      const facts = await dumpInOneSnapshot(target, path.join(folder, file), env);
      const bytes = (await stat(path.join(folder, file))).size;
      const sha256 = await sha256Of(path.join(folder, file));
      databases.push({
        service: target.service,
        database: target.database,
        owner: facts.owner,
        file,
        bytes,
        sha256,
        pgDumpVersion,
        serverVersion: facts.serverVersion,
        latestMigration: facts.latestMigration,
        pendingEvents: facts.pendingEvents,
        rowCounts: facts.rowCounts,
      });
      const rows = Object.values(facts.rowCounts).reduce((sum, count) => sum + count, 0);
      log(
        `${target.service}: ${target.database} → ${file} (${bytes} bytes, ${rows} rows in ` +
          `${Object.keys(facts.rowCounts).length} tables, ${facts.pendingEvents ?? 0} unpublished events, ` +
          `migration ${facts.latestMigration ?? 'none'}, sha256 ${sha256.slice(0, 12)}…)`,
      );
    }
    const manifest: Manifest = { format: MANIFEST_FORMAT, takenAt: takenAt.toISOString(), databases };
    await writeManifest(folder, manifest);
    return { folder, manifest };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Exports a snapshot in a repeatable-read transaction, reads the facts in it and has pg_dump dump
 * that same snapshot: the counts in the manifest are the dump's, even while the services write.
 */
async function dumpInOneSnapshot(target: DatabaseTarget, file: string, env: NodeJS.ProcessEnv) {
  return withClient(target.url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const facts = await readFacts(client);
    await runPgToolOn(
      'pg_dump',
      target.url,
      ['--format=custom', `--snapshot=${rows[0]!.snapshot}`, `--file=${file}`],
      env,
    );
    await client.query('COMMIT');
    return facts;
  });
}
