import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '@platform/infra';

/** A service started as its own process, the way `npm start` runs it. */
export interface ServiceProcess {
  /** Every JSON log line it wrote to stdout so far. */
  logs(): Record<string, unknown>[];
  /** Its stdout so far, raw (to look for secrets). */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `main` (a path from the repository root) with the tracing loader, and resolves once
 * `readyUrl` answers 200; rejects with the process's output when it exits or is not ready in time.
 */
export async function startService(main: string, env: NodeJS.ProcessEnv, readyUrl: string): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', './libs/shared/observability/src/register.mjs', main],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Generous: on a loaded machine (two cores, parallel test files) a cold start took over a minute.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${main} exited with ${child.exitCode}:\n${err}\n${out.slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${main} was not ready in time:\n${err}\n${out.slice(-4000)}`);
    }
    const ready = await fetch(readyUrl).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    logs: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
