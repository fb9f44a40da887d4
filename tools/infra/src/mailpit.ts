import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { ensureMailpitBinary } from './mailpit-binary.js';
import type { InfraPaths } from './paths.js';
import { isPortOpen } from './ports.js';
import type { Source } from './postgres.js';
import { commandLine, isAlive, stopProcess, tail } from './process.js';
import type { ManagedServer } from './state.js';

const LOOPBACK = '127.0.0.1';

/** Where Mailpit takes e-mails (SMTP) and shows them (its REST API, `/api/v1/...`). */
export interface MailpitEndpoint {
  smtpUrl: string;
  apiUrl: string;
  source: Source;
  /** Set when this call started it. */
  started?: ManagedServer;
}

/** The arguments of a Mailpit on loopback ports, keeping its messages in memory (`--database` unset: a temp file). */
export function mailpitArgs(smtpPort: number, httpPort: number, extra: readonly string[] = []): string[] {
  return [
    '--listen',
    `${LOOPBACK}:${httpPort}`,
    '--smtp',
    `${LOOPBACK}:${smtpPort}`,
    // No certificates locally: plain SMTP, any (or no) credentials accepted.
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
    '--disable-version-check',
    '--quiet',
    ...extra,
  ];
}

/** True when `apiUrl` answers as Mailpit (`GET /api/v1/info` with a `Version`). */
export async function isMailpitAnswering(apiUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl}/api/v1/info`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const info = (await response.json()) as { Version?: unknown };
    return typeof info.Version === 'string';
  } catch {
    return false;
  }
}

/** Waits until Mailpit's API answers and its SMTP port accepts, failing fast when the process dies. */
export async function waitForMailpit(
  apiUrl: string,
  smtpPort: number,
  isRunning: () => boolean,
  timeoutMs: number,
  describeExit: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new InfraError(`Mailpit exited while starting. ${describeExit()}`);
    if ((await isMailpitAnswering(apiUrl)) && (await isPortOpen(LOOPBACK, smtpPort))) return;
    await sleep(100);
  }
  throw new InfraError(
    `Mailpit did not answer at ${apiUrl} within ${Math.round(timeoutMs / 1000)} s. ${describeExit()}`,
  );
}

/** Spawns the built Mailpit binary; the caller waits for it and stops it. */
export function spawnMailpit(
  bin: string,
  smtpPort: number,
  httpPort: number,
  options: { detached?: boolean; outFile?: string; extraArgs?: readonly string[] } = {},
): ChildProcess {
  const out = options.outFile ? openSync(options.outFile, 'w') : 'ignore';
  const child = spawn(bin, mailpitArgs(smtpPort, httpPort, options.extraArgs), {
    detached: options.detached ?? false,
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  child.once('error', () => undefined);
  return child;
}

/**
 * Finds or starts Mailpit for `npm start`: the one this tool started before; else one already
 * answering on the configured HTTP port; else a new one built from the Go module proxy (once).
 */
export async function ensureMailpit(
  config: InfraConfig,
  paths: InfraPaths,
  previous: ManagedServer | undefined,
  log: (line: string) => void,
): Promise<MailpitEndpoint> {
  const smtpUrl = `smtp://${LOOPBACK}:${config.mailpitSmtpPort}`;
  const apiUrl = `http://${LOOPBACK}:${config.mailpitHttpPort}`;
  if (previous && isManagedMailpit(previous.pid)) {
    if (previous.url === apiUrl) return { smtpUrl, apiUrl, source: 'managed' };
    throw new InfraError(
      `a Mailpit this tool started runs at ${previous.url}, not at ${apiUrl}: stop it (npm run infra:down) or leave INFRA_MAILPIT_SMTP_PORT and INFRA_MAILPIT_HTTP_PORT as they were`,
    );
  }
  if (await isPortOpen(LOOPBACK, config.mailpitHttpPort)) {
    if (!(await isMailpitAnswering(apiUrl)) || !(await isPortOpen(LOOPBACK, config.mailpitSmtpPort))) {
      throw new InfraError(
        `${LOOPBACK}:${config.mailpitHttpPort} is taken, but it did not answer as Mailpit with SMTP on ${config.mailpitSmtpPort}. ` +
          'Stop what listens there, or set INFRA_MAILPIT_HTTP_PORT and INFRA_MAILPIT_SMTP_PORT to free ports.',
      );
    }
    log(`Mailpit: reusing the one already answering on ${apiUrl}`);
    return { smtpUrl, apiUrl, source: 'running' };
  }
  if (await isPortOpen(LOOPBACK, config.mailpitSmtpPort)) {
    throw new InfraError(
      `the SMTP port ${LOOPBACK}:${config.mailpitSmtpPort} is taken by another program; stop it or set INFRA_MAILPIT_SMTP_PORT`,
    );
  }
  const bin = await ensureMailpitBinary(log);
  mkdirSync(paths.mailpitDir, { recursive: true });
  log(`Mailpit: starting SMTP on ${LOOPBACK}:${config.mailpitSmtpPort}, API on ${apiUrl}`);
  const child = spawnMailpit(bin, config.mailpitSmtpPort, config.mailpitHttpPort, {
    detached: true,
    outFile: paths.mailpitOut,
  });
  child.unref();
  const pid = child.pid;
  if (!pid) throw new InfraError('could not start Mailpit');
  try {
    await waitForMailpit(
      apiUrl,
      config.mailpitSmtpPort,
      () => isAlive(pid),
      config.startTimeoutMs,
      () => `The end of ${paths.mailpitOut}:\n${tail(paths.mailpitOut)}`,
    );
  } catch (error) {
    await stopProcess(pid, 5_000);
    throw error;
  }
  return { smtpUrl, apiUrl, source: 'managed', started: { pid, url: apiUrl, startedAt: new Date().toISOString() } };
}

/** True when the pid is a live Mailpit (not another program that reused the pid). */
export function isManagedMailpit(pid: number): boolean {
  return isAlive(pid) && commandLine(pid).includes('mailpit');
}

/** Stops a Mailpit this tool started. */
export async function stopMailpit(server: ManagedServer): Promise<void> {
  if (isManagedMailpit(server.pid)) await stopProcess(server.pid, 10_000);
}
