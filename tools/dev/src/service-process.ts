import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from '@platform/infra';
import type { ServiceSpec } from './services.js';

const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m'];
const RESET = '\x1b[0m';

/** The column before `|` on every line `npm start` prints: wide enough for the longest service name. */
export function label(name: string): string {
  // One column wider than the longest service name (`notification-service`), so a space always separates it from `|`.
  return name.padEnd(21);
}

/** A running service and how it ended. */
export interface RunningProcess {
  spec: ServiceSpec;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts a service with the tracing loader. Its console output is pretty (one line per record)
 * and prefixed with its name; its JSON log lines go to `<logDir>/<name>-<date>.log` (LOG_DIR).
 * A stand-in without a management port (the payment sandbox) is no platform service: it runs
 * with the plain TypeScript loader, untraced, and its lines are prefixed the same way. `env` holds
 * its settings besides its ports and logging: `spec.env(system)` for `npm start`, a test's own otherwise.
 */
export function startProcess(
  spec: ServiceSpec,
  env: NodeJS.ProcessEnv,
  logDir: string,
  index: number,
  write: (line: string) => void,
): RunningProcess {
  const loader =
    spec.managementPort === undefined
      ? '@swc-node/register/esm-register'
      : './libs/shared/observability/src/register.mjs';
  const child = spawn(process.execPath, ['--import', loader, spec.main], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: process.env['NODE_ENV'] ?? 'development',
      SERVICE_NAME: spec.name,
      HOST: '127.0.0.1',
      PORT: String(spec.port),
      ...(spec.managementPort === undefined ? {} : { MANAGEMENT_PORT: String(spec.managementPort) }),
      LOG_FORMAT: 'pretty',
      LOG_DIR: logDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const colour = process.stdout.isTTY ? (COLOURS[index % COLOURS.length] ?? '') : '';
  const prefix = `${colour}${label(spec.name)}${colour ? RESET : ''}|`;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => write(`${prefix} ${line}`));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { spec, child, exited };
}

/** Resolves once `url` answers 200, or rejects when the process exits first or time runs out. */
export async function waitUntilReady(running: RunningProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void running.exited.then(() => (exited = true));
  while (!exited) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`${running.spec.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${running.spec.name} exited while starting (see its lines above)`);
}

/** SIGTERM (a graceful shutdown), then SIGKILL if it has not ended within `graceMs`. */
export async function stopProcess(running: RunningProcess, graceMs: number): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), graceMs);
  await running.exited;
  clearTimeout(timer);
}
