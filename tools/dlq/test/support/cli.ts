import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@platform/infra';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tools/dlq/src/cli.ts` as `npm run dlq` does, in a process of its own, with only `env` (and PATH) set. */
export function runDlqCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', path.join(repoRoot, 'tools/dlq/src/cli.ts'), ...args],
      { cwd: repoRoot, env: { PATH: process.env['PATH'], ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
