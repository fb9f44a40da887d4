import { execFile } from 'node:child_process';
import { repositoryRoot } from './repository.js';

/** What one `npm audit` run printed and how it ended. */
export interface AuditRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface AuditOptions {
  root?: string;
  /** Another registry (its advisory endpoint): the tests point npm at a server on loopback. */
  registry?: string;
  /** Any further npm flags (`--cache`, `--fetch-retries=0`). */
  npmArgs?: string[];
}

/**
 * Runs `npm audit` over the production dependencies of package-lock.json, asking only about critical
 * advisories. npm posts the installed names and versions to the registry's bulk advisory endpoint.
 */
export function runProductionAudit(options: AuditOptions = {}): Promise<AuditRun> {
  const args = ['audit', '--omit=dev', '--audit-level=critical', '--json', '--no-update-notifier'];
  if (options.registry) args.push(`--registry=${options.registry}`);
  args.push(...(options.npmArgs ?? []));
  return new Promise((resolve) => {
    execFile(
      'npm',
      args,
      { cwd: options.root ?? repositoryRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode: code, stdout, stderr });
      },
    );
  });
}
