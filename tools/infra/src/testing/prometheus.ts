import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../ports.js';
import { prometheusBin, prometheusProgram, writePrometheusConfig, type ScrapeTarget } from '../prometheus.js';
import { startChildServer, type ChildServer } from '../server-process.js';

/** What a test's Prometheus scrapes and evaluates. */
export interface TestPrometheusOptions {
  /** One scrape job per target, named `job` (the label the rules select on). */
  targets: readonly ScrapeTarget[];
  /** Rules files to load (none by default): `PRODUCTION_RULE_FILES`, or a copy with shorter windows. */
  ruleFiles?: readonly string[];
  /** How often the rules are evaluated: 1s by default. */
  evaluationInterval?: string;
  /** How often the targets are scraped: the evaluation interval by default. */
  scrapeInterval?: string;
  /** The Alertmanager its alerts go to (`TestAlertmanager.url`); none by default. */
  alertmanagerUrl?: string;
}

/** An alert as `GET /api/v1/alerts` lists it. */
export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

/** A scrape target as `GET /api/v1/targets` lists it. */
export interface PrometheusTarget {
  labels: Record<string, string>;
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
}

/** A Prometheus of one test's own (Debian's `prometheus`), on a free loopback port with a temporary folder. */
export interface TestPrometheus {
  url: string;
  /** The alerts pending or firing now. */
  alerts(): Promise<PrometheusAlert[]>;
  /** The scrape targets, each with its health after the last scrape. */
  targets(): Promise<PrometheusTarget[]>;
  /** The names of the rules loaded (alerts and recordings). */
  ruleNames(): Promise<string[]>;
  /** SIGTERM (SIGKILL after 10 s), then its folder is removed. */
  stop(): Promise<void>;
}

/** Starts a Prometheus scraping `targets`, with `ruleFiles`, and resolves once it is ready (its rules loaded). */
export async function startTestPrometheus(options: TestPrometheusOptions): Promise<TestPrometheus> {
  const bin = prometheusBin();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'test-prometheus-'));
  const evaluationInterval = options.evaluationInterval ?? '1s';
  writePrometheusConfig(dir, {
    port,
    targets: options.targets,
    ruleFiles: options.ruleFiles ?? [],
    alertmanager: options.alertmanagerUrl && new URL(options.alertmanagerUrl).host,
    evaluationInterval,
    scrapeInterval: options.scrapeInterval ?? evaluationInterval,
  });
  const program = prometheusProgram(bin, port, dir, { outFile: path.join(dir, 'prometheus.out') });
  let server: ChildServer;
  try {
    server = await startChildServer(program, 30_000);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const api = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${program.url}${route}`);
    if (!response.ok) throw new Error(`Prometheus GET ${route}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  };
  return {
    url: program.url,
    alerts: async () => (await api<{ alerts: PrometheusAlert[] }>('/api/v1/alerts')).alerts,
    targets: async () => (await api<{ activeTargets: PrometheusTarget[] }>('/api/v1/targets')).activeTargets,
    ruleNames: async () =>
      (await api<{ groups: { rules: { name: string }[] }[] }>('/api/v1/rules')).groups.flatMap((group) =>
        group.rules.map((rule) => rule.name),
      ),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
