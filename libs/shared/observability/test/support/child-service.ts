import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: services start from there (tsconfig.json and node_modules). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** The register entry under test, as a service's start command names it. */
export const REGISTER_ENTRY = './libs/shared/observability/src/register.mjs';

/** A service running in a child process, with everything it wrote. */
export interface ChildService {
  /** The URL it printed on `LISTENING <url>`. */
  url: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once it has exited. */
  stop(): Promise<number | null>;
  /** Kills it if it is still running (for cleanup after a failed test). */
  kill(): void;
}

/**
 * Starts `node --import register.mjs <entry>` like a real service and waits for its `LISTENING`
 * line. Rejects with the child's output if it exits first.
 */
export async function startChildService(entry: string, env: NodeJS.ProcessEnv): Promise<ChildService> {
  const child: ChildProcess = spawn(process.execPath, ['--import', REGISTER_ENTRY, entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(([code, signal]) =>
      reject(new Error(`service exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });

  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** What a script that runs to its end left behind. */
export interface FinishedScript {
  code: number | null;
  output: string;
}

/** Runs `node --import register.mjs <entry>` like a real service until it exits by itself. */
export async function runChildScript(entry: string, env: NodeJS.ProcessEnv): Promise<FinishedScript> {
  const child: ChildProcess = spawn(process.execPath, ['--import', REGISTER_ENTRY, entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
