import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfraError } from './errors.js';
import { isPortOpen } from './ports.js';
import { isAlive, programOf, stopProcess, tail } from './process.js';
import type { ManagedServer } from './state.js';

/**
 * One server program that tools/infra runs from a binary (Mailpit, Jaeger, Prometheus, Alertmanager):
 * how to start it and how to tell that it serves. `npm start` runs it detached, recorded in the state
 * (`startManagedServer`, `isServerProcess`, `stopServer`); a test runs it as a child of its own
 * (`startChildServer`).
 */
export interface ServerProgram {
  /** Its name in messages: `Mailpit`. */
  name: string;
  /** The executable. Its file name tells our server from another program that reused the pid. */
  bin: string;
  args: readonly string[];
  /** The URL it is known by: kept in the state, named in messages. */
  url: string;
  /** True once it serves: its API answers, its other ports accept. */
  ready(): Promise<boolean>;
  /** Where its stdout and stderr go (the end is quoted when it fails to start); discarded when unset. */
  outFile?: string;
  /** How long it gets after SIGTERM before SIGKILL. */
  stopGraceMs: number;
}

/** A loopback port that something listens on (named by the setting that moves it): the first of `ports`. */
export async function firstTakenPort(
  ports: readonly (readonly [setting: string, port: number])[],
): Promise<{ setting: string; port: number } | undefined> {
  for (const [setting, port] of ports) {
    if (await isPortOpen('127.0.0.1', port)) return { setting, port };
  }
  return undefined;
}

/** True when GET `url` answers 200 within 2 s (Prometheus's and Alertmanager's `/-/ready`). */
export async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Spawns the program with its output in `outFile` (truncated first); the caller waits for it and stops it. */
export function spawnServer(program: ServerProgram, options: { detached?: boolean } = {}): ChildProcess {
  if (program.outFile) mkdirSync(path.dirname(program.outFile), { recursive: true });
  const out = program.outFile ? openSync(program.outFile, 'w') : 'ignore';
  const child = spawn(program.bin, program.args, {
    detached: options.detached ?? false,
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  // A missing binary surfaces as `pid === undefined` (checked by the callers), not as a crash.
  child.once('error', () => undefined);
  return child;
}

/** The end of the program's output, for a message about its failure. */
function outputOf(program: ServerProgram): string {
  return program.outFile ? `The end of ${program.outFile}:\n${tail(program.outFile)}` : '';
}

/** Waits until `program.ready()`, failing fast when the process dies and after `timeoutMs`. */
export async function waitUntilServing(
  program: ServerProgram,
  isRunning: () => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new InfraError(`${program.name} exited while starting. ${outputOf(program)}`.trim());
    if (await program.ready()) return;
    await sleep(100);
  }
  throw new InfraError(
    `${program.name} did not answer at ${program.url} within ${Math.round(timeoutMs / 1000)} s. ${outputOf(program)}`.trim(),
  );
}

/**
 * Starts the program detached (it outlives this process: `npm start` and `infra up` record it in the
 * state and stop it later) and resolves with its record once it serves; stops it when it does not.
 */
export async function startManagedServer(program: ServerProgram, timeoutMs: number): Promise<ManagedServer> {
  const child = spawnServer(program, { detached: true });
  child.unref();
  const pid = child.pid;
  if (!pid) throw new InfraError(`could not start ${program.name} (${program.bin})`);
  try {
    await waitUntilServing(program, () => isAlive(pid), timeoutMs);
  } catch (error) {
    await stopProcess(pid, program.stopGraceMs);
    throw error;
  }
  return { pid, url: program.url, startedAt: new Date().toISOString() };
}

/** True when `pid` is a live process of the program `bin` (not another program that reused the pid). */
export function isServerProcess(pid: number, bin: string): boolean {
  return isAlive(pid) && programOf(pid) === path.basename(bin);
}

/** Stops a server this tool started (SIGTERM, SIGKILL after `graceMs`), if it still runs. */
export async function stopServer(server: ManagedServer, bin: string, graceMs: number): Promise<void> {
  if (isServerProcess(server.pid, bin)) await stopProcess(server.pid, graceMs);
}

/** A server of a test's own: a child process of the test, stopped by it. */
export interface ChildServer {
  pid: number;
  running(): boolean;
  /** SIGTERM, SIGKILL after the program's grace time; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts the program as a child process and resolves once it serves; kills it when it does not. */
export async function startChildServer(program: ServerProgram, timeoutMs: number): Promise<ChildServer> {
  const child = spawnServer(program);
  const pid = child.pid;
  if (!pid) throw new InfraError(`could not start ${program.name} (${program.bin})`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), program.stopGraceMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(program, running, timeoutMs);
  } catch (error) {
    if (running()) child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return { pid, running, stop };
}
