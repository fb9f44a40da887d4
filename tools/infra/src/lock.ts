import { mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfraError } from './errors.js';
import { isAlive } from './process.js';

/**
 * Runs `fn` while holding an exclusive lock file, so that parallel test runs and CLI calls
 * never start the same server twice. A lock left by a process that died is taken over.
 */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryAcquire(lockFile)) break;
    const holder = lockHolder(lockFile);
    if (holder !== undefined && !isAlive(holder)) {
      takeOverStale(lockFile, holder);
      continue;
    }
    if (Date.now() > deadline) {
      throw new InfraError(
        `another infra command (pid ${holder ?? 'unknown'}) has held ${lockFile} for over ${Math.round(timeoutMs / 1000)} s; ` +
          'wait for it to finish, or stop it and run the command again',
      );
    }
    await sleep(150);
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function tryAcquire(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function lockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // released between our attempts, or still being written
  }
}

/** Moves a dead holder's lock aside; if a live process took it meanwhile, puts it back. */
function takeOverStale(lockFile: string, deadPid: number): void {
  const aside = `${lockFile}.stale.${process.pid}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = lockHolder(aside);
  if (moved !== deadPid && moved !== undefined && isAlive(moved)) {
    try {
      renameSync(aside, lockFile);
    } catch {
      /* the live holder will find its lock gone only if a third process raced us; the state file stays consistent */
    }
    return;
  }
  rmSync(aside, { force: true });
}
