import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (the checks read its Dockerfile, compose file and deploy/). */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A path inside the repository. */
export function inRepository(...segments: string[]): string {
  return path.join(repositoryRoot, ...segments);
}
