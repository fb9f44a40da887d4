import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { infraPaths } from '@platform/infra';

/** The repository this test runs in. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A throwaway copy of the workspace: generate into it, run Nx in it, remove it. */
export interface ScratchWorkspace {
  root: string;
  /** Runs `command` in the copy; resolves with its output, rejects with it (and the exit code) on failure. */
  run(command: string, options?: { timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<string>;
  remove(): void;
}

/**
 * Copies the files git knows (tracked, and untracked but not ignored: a change under way is part of
 * the workspace) into a temporary folder and links node_modules, so nothing is ever generated into
 * the real tree. Commands in it run Nx without its daemon, on the shared infrastructure (INFRA_DATA_DIR
 * points at this checkout's, so tests in the copy reuse PostgreSQL and Kafka instead of starting their own).
 */
export function createScratchWorkspace(): ScratchWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'platform-scratch-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter(Boolean)
    // Linked below. A git worktree whose node_modules is a link to another checkout's lists that link as
    // untracked (`node_modules/` in .gitignore matches folders only), and a copy of it would take the name.
    .filter((file) => file !== 'node_modules');
  for (const file of files) {
    const from = path.join(repoRoot, file);
    // Deleted in the working tree but still in the index: not part of the workspace any more.
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(from, path.join(root, file), { verbatimSymlinks: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    INFRA_DATA_DIR: infraPaths().root,
    // Plain output, so that tests can read it.
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  return {
    root,
    run: (command, options = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn('sh', ['-c', command], {
          cwd: root,
          env: { ...baseEnv, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const timer = setTimeout(() => {
          // The whole process group: Nx's and Vitest's children too.
          process.kill(-child.pid!, 'SIGKILL');
        }, options.timeoutMs ?? 300_000);
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          if (code === 0) resolve(output);
          else reject(new Error(`\`${command}\` failed (${signal ?? `exit ${code}`}):\n${output.slice(-8_000)}`));
        });
      }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
