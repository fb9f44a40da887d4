import { spawn } from 'node:child_process';
import path from 'node:path';
import { readSetting } from '@platform/bootstrap';
import { BackupError } from './errors.js';
import { redactedUrl } from './targets.js';

export type PgTool = 'pg_dump' | 'pg_restore';

/**
 * Where the client programs are: `PG_BIN_DIR` (e.g. /usr/lib/postgresql/18/bin, to match a newer
 * server than the PATH's), else the PATH.
 */
export function pgToolPath(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  const dir = readSetting('PG_BIN_DIR', env);
  return dir ? path.join(dir, tool) : tool;
}

/** `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → that line. */
export async function pgToolVersion(tool: PgTool, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await runPgTool(tool, ['--version'], env)).trim();
}

/**
 * Runs a client program against the database of `url`: the URL goes in without its password,
 * which travels as PGPASSWORD, so it never shows in a process list. Fails with the program's own
 * last lines (they name the problem: refused connection, version mismatch, a failing statement).
 */
export async function runPgToolOn(
  tool: PgTool,
  url: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return runPgTool(tool, [`--dbname=${parsed.toString()}`, ...args], env, {
    ...(password ? { PGPASSWORD: password } : {}),
    where: redactedUrl(url),
  });
}

async function runPgTool(
  tool: PgTool,
  args: string[],
  env: NodeJS.ProcessEnv,
  extra: { PGPASSWORD?: string; where?: string } = {},
): Promise<string> {
  const binary = pgToolPath(tool, env);
  const { where, ...secrets } = extra;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...secrets }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${binary} not found: install the PostgreSQL client programs (the server's major version or newer), ` +
                'or point PG_BIN_DIR at their folder',
            )
          : error,
      ),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve(out);
      const lines = err.trim().split('\n').slice(-5).join('\n');
      reject(new BackupError(`${tool} failed${where ? ` on ${where}` : ''} (exit ${code}):\n${lines}`));
    });
  });
}
