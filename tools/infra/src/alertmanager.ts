import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { repoRoot, type InfraPaths } from './paths.js';
import { findOnPath } from './process.js';
import {
  answers200,
  firstTakenPort,
  isServerProcess,
  startManagedServer,
  stopServer,
  type ServerProgram,
} from './server-process.js';
import type { ManagedServer } from './state.js';

const LOOPBACK = '127.0.0.1';
const STOP_GRACE_MS = 10_000;
/** Debian names it prometheus-alertmanager; upstream's tarball, alertmanager. */
const PROGRAMS = ['prometheus-alertmanager', 'alertmanager'];

/** The production configuration (routes, receivers, inhibitions) and its e-mail templates. */
export const PRODUCTION_ALERTMANAGER_DIR = path.join(repoRoot, 'deploy', 'alertmanager');

/** Where a local Alertmanager delivers, and how long it waits. */
export interface AlertmanagerSettings {
  /** The SMTP server the e-mails go to: Mailpit (plain SMTP, no TLS). */
  smtp: { host: string; port: number };
  /**
   * Shorter waits than production's for tests, set on every route: the wait before a new group's first
   * e-mail (production: 30 s, 10 s for pages), between e-mails of a group, before an unchanged one repeats.
   */
  timing?: { groupWait?: string; groupInterval?: string; repeatInterval?: string };
}

interface Route {
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  routes?: Route[];
}

interface AlertmanagerConfig {
  global?: Record<string, unknown>;
  route: Route;
  receivers?: { name: string; email_configs?: Record<string, unknown>[] }[];
  templates?: string[];
  [key: string]: unknown;
}

/**
 * A local Alertmanager's configuration, derived from deploy/alertmanager/alertmanager.yml: the same
 * routes (`severity="page"` to on-call, `ticket` to the ticket queue), inhibitions and e-mails (subject
 * with the alert's name; body with its summary, description and runbook_url, from the templates of
 * deploy/alertmanager/templates), sent to `smtp` without TLS, with the template paths of this checkout.
 */
export function alertmanagerConfigYaml(settings: AlertmanagerSettings): string {
  const config = parse(
    readFileSync(path.join(PRODUCTION_ALERTMANAGER_DIR, 'alertmanager.yml'), 'utf8'),
  ) as AlertmanagerConfig;
  config.global = {
    ...config.global,
    smtp_smarthost: `${settings.smtp.host}:${settings.smtp.port}`,
    smtp_require_tls: false,
  };
  for (const receiver of config.receivers ?? []) {
    for (const email of receiver.email_configs ?? []) email['require_tls'] = false;
  }
  config.templates = (config.templates ?? []).map((template) =>
    path.join(PRODUCTION_ALERTMANAGER_DIR, 'templates', path.basename(template)),
  );
  const timing = settings.timing;
  if (timing) {
    const retime = (route: Route): void => {
      if (timing.groupWait) route.group_wait = timing.groupWait;
      if (timing.groupInterval) route.group_interval = timing.groupInterval;
      if (timing.repeatInterval) route.repeat_interval = timing.repeatInterval;
      route.routes?.forEach(retime);
    };
    retime(config.route);
  }
  return (
    '# Written by tools/infra (alertmanager.ts) from deploy/alertmanager/alertmanager.yml; regenerated on every start.\n' +
    stringify(config, { lineWidth: 0 })
  );
}

/** Writes `alertmanager.yml` into `dir` and returns its path. */
export function writeAlertmanagerConfig(dir: string, settings: AlertmanagerSettings): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'alertmanager.yml');
  writeFileSync(file, alertmanagerConfigYaml(settings));
  return file;
}

/** Debian's `prometheus-alertmanager` (or an `alertmanager`) on the PATH; an InfraError saying how to install it when missing. */
export function alertmanagerBin(env: NodeJS.ProcessEnv = process.env): string {
  const bin = findOnPath(PROGRAMS, env);
  if (!bin) {
    throw new InfraError(
      "Alertmanager is not installed: Debian's prometheus-alertmanager package (node tools/scripts/ensure-prerequisites.mjs start installs it)",
    );
  }
  return bin;
}

/**
 * Alertmanager on 127.0.0.1:`port` with `dir/alertmanager.yml` (see `writeAlertmanagerConfig`) and
 * its silences and notification log in `dir/data`, ready once `/-/ready` answers. Clustering is off:
 * its gossip port would be 9094, and one instance has no peers.
 */
export function alertmanagerProgram(
  bin: string,
  port: number,
  dir: string,
  options: { outFile?: string } = {},
): ServerProgram {
  const url = `http://${LOOPBACK}:${port}`;
  return {
    name: 'Alertmanager',
    bin,
    args: [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=${LOOPBACK}:${port}`,
      '--cluster.listen-address=',
      // The links in its e-mails point here, not at the machine's host name.
      `--web.external-url=${url}`,
      '--log.level=warn',
    ],
    url,
    ready: () => answers200(`${url}/-/ready`),
    outFile: options.outFile,
    stopGraceMs: STOP_GRACE_MS,
  };
}

/**
 * Starts the Alertmanager of `npm start` on INFRA_ALERTMANAGER_PORT, detached, with its configuration
 * and data in `.data/monitoring/alertmanager-<port>/`; the caller records it in the state. A port that
 * is taken is an error.
 */
export async function startAlertmanager(
  config: InfraConfig,
  paths: InfraPaths,
  settings: AlertmanagerSettings,
  log: (line: string) => void,
): Promise<ManagedServer> {
  const port = config.alertmanagerPort;
  if (await firstTakenPort([['INFRA_ALERTMANAGER_PORT', port]])) {
    throw new InfraError(
      `${LOOPBACK}:${port} (Alertmanager) is taken by another program: stop what listens there, or set INFRA_ALERTMANAGER_PORT to a free port`,
    );
  }
  const bin = alertmanagerBin();
  const dir = path.join(paths.monitoringDir, `alertmanager-${port}`);
  writeAlertmanagerConfig(dir, settings);
  log(`Alertmanager: starting on ${LOOPBACK}:${port}, e-mail through ${settings.smtp.host}:${settings.smtp.port}`);
  return startManagedServer(
    alertmanagerProgram(bin, port, dir, { outFile: path.join(dir, 'alertmanager.out') }),
    config.startTimeoutMs,
  );
}

/** True when the pid is a live Alertmanager (not another program that reused the pid). */
export function isManagedAlertmanager(pid: number): boolean {
  return PROGRAMS.some((program) => isServerProcess(pid, program));
}

/** Stops an Alertmanager this tool started. */
export async function stopAlertmanager(server: ManagedServer): Promise<void> {
  const program = PROGRAMS.find((candidate) => isServerProcess(server.pid, candidate));
  if (program) await stopServer(server, program, STOP_GRACE_MS);
}
