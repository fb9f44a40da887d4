import { mkdirSync, readFileSync, renameSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { InfraPaths } from './paths.js';
import { isAlive } from './process.js';

/** A server this tool started itself, and so may stop. */
export interface ManagedServer {
  pid: number;
  url: string;
  startedAt: string;
}

/**
 * A Prometheus or Alertmanager that an `npm start` run started for its own services (their management
 * ports are in its configuration): it stops them on exit. Several runs on other ports (a developer's,
 * a test's) each have their own.
 */
export interface MonitorServer extends ManagedServer {
  kind: 'prometheus' | 'alertmanager';
  /** The pid of the process that started it (and stops it). */
  owner: number;
}

/** What the tool has started, kept across processes in `.data/infra/state.json`. */
export interface InfraState {
  postgres?: ManagedServer;
  kafka?: ManagedServer;
  /** Started for a user that asked for it (`npm start`); the tests start Mailpits of their own. */
  mailpit?: ManagedServer;
  /** Started for a user that asked for it (`npm start`); the tests start Jaegers of their own. */
  jaeger?: ManagedServer;
  /** The Prometheus and Alertmanager servers of running `npm start`s. */
  monitoring?: MonitorServer[];
  /** Set by `infra up`: the servers stay up until `infra down`, whoever else comes and goes. */
  pinned?: boolean;
}

export function readState(paths: InfraPaths): InfraState {
  try {
    return JSON.parse(readFileSync(paths.stateFile, 'utf8')) as InfraState;
  } catch {
    return {};
  }
}

/** Writes the state atomically (temp file + rename), so a crash never leaves half a file. */
export function writeState(paths: InfraPaths, state: InfraState): void {
  mkdirSync(paths.stateDir, { recursive: true });
  const temp = `${paths.stateFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2) + '\n');
  renameSync(temp, paths.stateFile);
}

/** A registration of one user of the servers (a test run, `npm start`); the last to leave stops them. */
export interface Lease {
  id: string;
  pid: number;
  purpose: string;
}

export function addLease(paths: InfraPaths, purpose: string): Lease {
  mkdirSync(paths.leasesDir, { recursive: true });
  const lease: Lease = { id: `${process.pid}-${randomBytes(4).toString('hex')}`, pid: process.pid, purpose };
  writeFileSync(path.join(paths.leasesDir, `${lease.id}.json`), JSON.stringify(lease) + '\n');
  return lease;
}

export function removeLease(paths: InfraPaths, lease: Lease): void {
  rmSync(path.join(paths.leasesDir, `${lease.id}.json`), { force: true });
}

/** Leases whose process still runs; those of crashed processes are removed on the way. */
export function liveLeases(paths: InfraPaths): Lease[] {
  let files: string[];
  try {
    files = readdirSync(paths.leasesDir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const live: Lease[] = [];
  for (const file of files) {
    const full = path.join(paths.leasesDir, file);
    try {
      const lease = JSON.parse(readFileSync(full, 'utf8')) as Lease;
      if (isAlive(lease.pid)) {
        live.push(lease);
        continue;
      }
    } catch {
      /* unreadable: treat as stale */
    }
    rmSync(full, { force: true });
  }
  return live;
}
