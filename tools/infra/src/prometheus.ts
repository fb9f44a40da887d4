import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
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

/** deploy/prometheus/rules/*.yml: the recording and alerting rules of production, unit-tested by tools/monitoring-rules. */
export const PRODUCTION_RULE_FILES: readonly string[] = [path.join(repoRoot, 'deploy', 'prometheus', 'rules', '*.yml')];

/** One service Prometheus scrapes at its management port (`/metrics`). */
export interface ScrapeTarget {
  /** The service's name: the scrape job's name, so the `job` label the rules, dashboards and runbooks select on. */
  job: string;
  /** `host:port` of its management port. */
  address: string;
}

/** What one Prometheus scrapes, evaluates and alerts to. */
export interface PrometheusSettings {
  /** Its UI and API port (on 127.0.0.1); it scrapes itself there too, as the compose stack's does (job `prometheus`). */
  port: number;
  targets: readonly ScrapeTarget[];
  /** Rule files (globs allowed); `PRODUCTION_RULE_FILES` for `npm start`. */
  ruleFiles: readonly string[];
  /** `host:port` of the Alertmanager its alerts go to; none when unset. */
  alertmanager?: string;
  /** 15s by default, as in deploy/prometheus/prometheus.yml. */
  scrapeInterval?: string;
  /** 15s by default, as in deploy/prometheus/prometheus.yml. */
  evaluationInterval?: string;
}

/**
 * The configuration of a local Prometheus: one scrape job per service, named after it (the `job` label
 * of deploy/prometheus/prometheus.yml), at its loopback management port; the rule files; the
 * Alertmanager. The compose stack's own file is deploy/prometheus/prometheus.yml.
 */
export function prometheusConfigYaml(settings: PrometheusSettings): string {
  const config = {
    global: {
      scrape_interval: settings.scrapeInterval ?? '15s',
      evaluation_interval: settings.evaluationInterval ?? '15s',
    },
    rule_files: [...settings.ruleFiles],
    ...(settings.alertmanager && {
      alerting: { alertmanagers: [{ static_configs: [{ targets: [settings.alertmanager] }] }] },
    }),
    scrape_configs: [
      ...settings.targets.map((target) => ({
        job_name: target.job,
        static_configs: [{ targets: [target.address] }],
      })),
      { job_name: 'prometheus', static_configs: [{ targets: [`${LOOPBACK}:${settings.port}`] }] },
    ],
  };
  return `# Written by tools/infra (prometheus.ts); regenerated on every start.\n${stringify(config, { lineWidth: 0 })}`;
}

/** Writes `prometheus.yml` into `dir` and returns its path. */
export function writePrometheusConfig(dir: string, settings: PrometheusSettings): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'prometheus.yml');
  writeFileSync(file, prometheusConfigYaml(settings));
  return file;
}

/** Debian's `prometheus` on the PATH; an InfraError saying how to install it when missing. */
export function prometheusBin(env: NodeJS.ProcessEnv = process.env): string {
  const bin = findOnPath(['prometheus'], env);
  if (!bin) {
    throw new InfraError(
      "Prometheus is not installed: Debian's prometheus package (node tools/scripts/ensure-prerequisites.mjs start installs it)",
    );
  }
  return bin;
}

/**
 * Prometheus on 127.0.0.1:`port` with `dir/prometheus.yml` (see `writePrometheusConfig`) and its
 * data in `dir/data`, ready once `/-/ready` answers (the rules are loaded by then).
 * `POST /-/reload` re-reads the configuration.
 */
export function prometheusProgram(
  bin: string,
  port: number,
  dir: string,
  options: { outFile?: string; retention?: string } = {},
): ServerProgram {
  const url = `http://${LOOPBACK}:${port}`;
  return {
    name: 'Prometheus',
    bin,
    args: [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--web.listen-address=${LOOPBACK}:${port}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--storage.tsdb.retention.time=${options.retention ?? '7d'}`,
      // The links in alerts (and so in their e-mails) point here, not at the machine's host name.
      `--web.external-url=${url}`,
      '--web.enable-lifecycle',
      '--log.level=warn',
    ],
    url,
    ready: () => answers200(`${url}/-/ready`),
    outFile: options.outFile,
    stopGraceMs: STOP_GRACE_MS,
  };
}

/**
 * Starts the Prometheus of `npm start` on INFRA_PROMETHEUS_PORT, detached, with its configuration
 * and data in `.data/monitoring/prometheus-<port>/`; the caller records it in the state. A port that
 * is taken is an error: a Prometheus found there scrapes other targets than these.
 */
export async function startPrometheus(
  config: InfraConfig,
  paths: InfraPaths,
  settings: Omit<PrometheusSettings, 'port'>,
  log: (line: string) => void,
): Promise<ManagedServer> {
  const port = config.prometheusPort;
  if (await firstTakenPort([['INFRA_PROMETHEUS_PORT', port]])) {
    throw new InfraError(
      `${LOOPBACK}:${port} (Prometheus) is taken by another program: stop what listens there, or set INFRA_PROMETHEUS_PORT to a free port`,
    );
  }
  const bin = prometheusBin();
  const dir = path.join(paths.monitoringDir, `prometheus-${port}`);
  writePrometheusConfig(dir, { ...settings, port });
  log(
    `Prometheus: starting on ${LOOPBACK}:${port}, scraping ${settings.targets.map((t) => `${t.job} (${t.address})`).join(', ')}`,
  );
  return startManagedServer(
    prometheusProgram(bin, port, dir, { outFile: path.join(dir, 'prometheus.out') }),
    config.startTimeoutMs,
  );
}

/** True when the pid is a live Prometheus (not another program that reused the pid). */
export function isManagedPrometheus(pid: number): boolean {
  return isServerProcess(pid, 'prometheus');
}

/** Stops a Prometheus this tool started. */
export async function stopPrometheus(server: ManagedServer): Promise<void> {
  await stopServer(server, 'prometheus', STOP_GRACE_MS);
}
