import { mkdirSync } from 'node:fs';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { ensureMailpitBinary } from './mailpit-binary.js';
import type { InfraPaths } from './paths.js';
import { isPortOpen } from './ports.js';
import type { Source } from './postgres.js';
import { isServerProcess, startManagedServer, stopServer, type ServerProgram } from './server-process.js';
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

/** Mailpit gets this long after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 10_000;

/**
 * The built Mailpit on these loopback ports (messages in memory), ready once its API answers and its
 * SMTP port accepts: for `startManagedServer` (npm start) or `startChildServer` (a test's own).
 */
export function mailpitProgram(
  bin: string,
  smtpPort: number,
  httpPort: number,
  options: { outFile?: string; extraArgs?: readonly string[]; stopGraceMs?: number } = {},
): ServerProgram {
  const apiUrl = `http://${LOOPBACK}:${httpPort}`;
  return {
    name: 'Mailpit',
    bin,
    args: mailpitArgs(smtpPort, httpPort, options.extraArgs),
    url: apiUrl,
    ready: async () => (await isMailpitAnswering(apiUrl)) && (await isPortOpen(LOOPBACK, smtpPort)),
    outFile: options.outFile,
    stopGraceMs: options.stopGraceMs ?? STOP_GRACE_MS,
  };
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
  const started = await startManagedServer(
    mailpitProgram(bin, config.mailpitSmtpPort, config.mailpitHttpPort, { outFile: paths.mailpitOut }),
    config.startTimeoutMs,
  );
  return { smtpUrl, apiUrl, source: 'managed', started };
}

/** True when the pid is a live Mailpit (not another program that reused the pid). */
export function isManagedMailpit(pid: number): boolean {
  return isServerProcess(pid, 'mailpit');
}

/** Stops a Mailpit this tool started. */
export async function stopMailpit(server: ManagedServer): Promise<void> {
  await stopServer(server, 'mailpit', STOP_GRACE_MS);
}
