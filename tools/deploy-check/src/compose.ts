import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { repositoryRoot } from './repository.js';

/** The part of a resolved compose file the checks read. */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | null>;
  volumes?: (string | { type: string; source: string; target: string })[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}

/**
 * `docker-compose config` of the repository's docker-compose.yml with the variables of `envFile`:
 * Compose's own validation and interpolation (no engine needed), parsed. Throws with its message when invalid.
 */
export function resolvedCompose(envFile: string): { services: Record<string, ComposeService> } {
  const result = spawnSync('docker-compose', ['--env-file', envFile, '-f', 'docker-compose.yml', 'config'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`docker-compose config failed: ${result.stderr}`);
  return parse(result.stdout) as { services: Record<string, ComposeService> };
}
