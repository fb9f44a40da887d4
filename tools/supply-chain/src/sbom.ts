import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from './repository.js';

/** Where `npm run sbom` writes the production SBOM (dist/ is a git-ignored build output). */
export const SBOM_FILE = 'dist/sbom/platform.cdx.json';

/** The CycloneDX version written; the check refuses any other. */
export const SBOM_SPEC_VERSION = '1.6';

/**
 * Writes the CycloneDX SBOM of the production dependencies with @cyclonedx/cyclonedx-npm, from
 * package-lock.json alone (`--package-lock-only`: node_modules and the network are not read) and
 * without devDependencies (`--omit dev`), reproducibly (no timestamp or serial number), validated
 * against the CycloneDX JSON schema by the generator.
 */
export async function writeSbom(outputFile: string, root = repositoryRoot): Promise<void> {
  await mkdir(path.dirname(outputFile), { recursive: true });
  await promisify(execFile)(
    path.join(root, 'node_modules', '.bin', 'cyclonedx-npm'),
    [
      '--package-lock-only',
      '--omit',
      'dev',
      '--flatten-components',
      '--spec-version',
      SBOM_SPEC_VERSION,
      '--output-reproducible',
      '--validate',
      '--output-format',
      'JSON',
      '--output-file',
      outputFile,
      path.join(root, 'package.json'),
    ],
    // The generator runs `npm ls`; offline, it cannot reach for anything the lockfile does not say.
    { cwd: root, env: { ...process.env, npm_config_offline: 'true' }, maxBuffer: 16 * 1024 * 1024 },
  );
}
