import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Lockfile } from './lockfile.js';

/** The repository's root folder: its package.json and package-lock.json describe the production image. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The repository's package-lock.json, parsed. */
export async function readLockfile(root = repositoryRoot): Promise<Lockfile> {
  return JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as Lockfile;
}
