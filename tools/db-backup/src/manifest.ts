import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BackupError } from './errors.js';

export const MANIFEST_FILE = 'manifest.json';
/** Raised when the manifest's shape changes; restore refuses a format it does not know. */
export const MANIFEST_FORMAT = 1;

/** One database in a backup: what was taken, from where, and how to check the file is intact. */
export interface ManifestDatabase {
  service: string;
  database: string;
  /** The role that owned the database: the restored one is owned by it again. */
  owner: string;
  /** The dump, `pg_dump --format=custom`, beside the manifest. */
  file: string;
  bytes: number;
  sha256: string;
  pgDumpVersion: string;
  serverVersion: string;
  /** The last TypeORM migration applied (`migrations` table), or null without one. */
  latestMigration: string | null;
  /**
   * Events in the outbox not yet published when the snapshot was taken (null without an outbox): the
   * relay publishes them again after a restore (README, "What a restore can give").
   */
  pendingEvents: number | null;
  /** Rows per table (`schema.table`), read in the dump's own snapshot; null when not taken. */
  rowCounts: Record<string, number> | null;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** When the backup started (ISO 8601, UTC). */
  takenAt: string;
  databases: ManifestDatabase[];
}

/** The SHA-256 of a file, hex. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes the manifest, and `<file>.sha256` per dump in `sha256sum` format (`sha256sum -c` checks it too). */
export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  for (const entry of manifest.databases) {
    await writeFile(path.join(folder, `${entry.file}.sha256`), `${entry.sha256}  ${entry.file}\n`);
  }
  await writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest of the backup in `folder`; refused when missing or not one this tool wrote. */
export async function readManifest(folder: string): Promise<Manifest> {
  const file = path.join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT'
        ? `${file} is missing: ${folder} is not a complete backup (a backup writes its manifest last)`
        : `cannot read ${file} (${code ?? 'unreadable'})`,
    );
  }
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw new BackupError(`${file} is not JSON`);
  }
  if (manifest.format !== MANIFEST_FORMAT) {
    throw new BackupError(`${file} has format ${String(manifest.format)}; this tool reads format ${MANIFEST_FORMAT}`);
  }
  if (!Array.isArray(manifest.databases) || typeof manifest.takenAt !== 'string') {
    throw new BackupError(`${file} lacks takenAt or databases`);
  }
  for (const entry of manifest.databases) {
    if (typeof entry.file !== 'string' || path.basename(entry.file) !== entry.file) {
      throw new BackupError(`${file}: ${entry.service}'s file must be a plain name beside the manifest`);
    }
  }
  return manifest as Manifest;
}
