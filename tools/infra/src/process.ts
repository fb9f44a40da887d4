import { execFile, type ExecFileOptions } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** True while a process with this pid exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // "pid (comm) S ..." where S is the state; Z means it has exited already.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** The command line of a live process, to tell our server from another that reused its pid. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** The file name of the program a live process runs (`mailpit`, `prometheus`), from its first argument; '' when unknown. */
export function programOf(pid: number): string {
  try {
    const first = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return first.slice(first.lastIndexOf('/') + 1);
  } catch {
    return '';
  }
}

/** Sends SIGTERM, waits for the process to go, then SIGKILL; resolves once it is gone. */
export async function stopProcess(pid: number, graceMs = 20_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; a failure carries its exit code and the end of its output. */
export function run(file: string, args: readonly string[], options: ExecFileOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 16 * 1024 * 1024, ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const output = `${stderr}\n${stdout}`.trim().split('\n').slice(-15).join('\n');
        reject(
          Object.assign(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${output}`), { cause: error }),
        );
      } else {
        resolve({ stdout: String(stdout), stderr: String(stderr) });
      }
    });
  });
}

/** True when a program of this name is on the PATH. */
export async function onPath(program: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${program}`]);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path of the first of `programs` found on the PATH (an executable file), or undefined. */
export function findOnPath(programs: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const program of programs) {
    for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
      if (!dir) continue;
      const candidate = path.resolve(dir, program);
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/** The last lines of a log file, for error messages; empty when it cannot be read. */
export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
