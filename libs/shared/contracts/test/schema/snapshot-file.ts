import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { ContractsSchema } from './contract-schema.js';

/** The committed record of every published contract's schema. */
export const SNAPSHOT_PATH = fileURLToPath(new URL('../../contracts.snapshot.json', import.meta.url));

/** The environment variable that lets the compatibility test rewrite the snapshot. */
export const UPDATE_FLAG = 'UPDATE_CONTRACT_SNAPSHOT';

interface SnapshotFile {
  $comment: string;
  contracts: ContractsSchema;
}

/** The published schemas; an empty record when the file does not exist yet. */
export function readSnapshot(): ContractsSchema {
  try {
    return (JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as SnapshotFile).contracts;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Writes the schemas formatted as Prettier would, so `prettier --write` leaves the file alone. */
export async function writeSnapshot(contracts: ContractsSchema): Promise<void> {
  const file: SnapshotFile = {
    $comment: `Published event contracts. Generated: ${UPDATE_FLAG}=1 npx nx test contracts. Never edit a published entry; publish a new version.`,
    contracts,
  };
  const options = (await resolveConfig(SNAPSHOT_PATH)) ?? {};
  writeFileSync(SNAPSHOT_PATH, await format(JSON.stringify(file), { ...options, filepath: SNAPSHOT_PATH }));
}
