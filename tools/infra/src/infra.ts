import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isManagedAlertmanager, startAlertmanager, stopAlertmanager } from './alertmanager.js';
import { loadInfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { ensureKafka, isManagedKafka, stopKafka, type KafkaEndpoint } from './kafka.js';
import { withLock } from './lock.js';
import { ensureJaeger, isManagedJaeger, stopJaeger } from './jaeger.js';
import { ensureMailpit, isManagedMailpit, stopMailpit } from './mailpit.js';
import { infraPaths, type InfraPaths } from './paths.js';
import { ensurePostgres, isManagedPostgres, stopPostgres, type PostgresEndpoint, type Source } from './postgres.js';
import { isAlive, programOf } from './process.js';
import {
  isManagedPrometheus,
  PRODUCTION_RULE_FILES,
  startPrometheus,
  stopPrometheus,
  type ScrapeTarget,
} from './prometheus.js';
import {
  addLease,
  liveLeases,
  readState,
  removeLease,
  writeState,
  type InfraState,
  type ManagedServer,
  type MonitorServer,
} from './state.js';

/** Where the services and tests find PostgreSQL and Kafka. */
export interface InfraEndpoints {
  databaseUrl: string;
  kafkaBrokers: string[];
  postgres: { source: Source; startedNow: boolean };
  kafka: { source: Source; startedNow: boolean };
  /**
   * The Mailpit that captures e-mails, when asked for (`mailpit: true`): SMTP and its REST API
   * (`/api/v1/...`; its web UI's assets are missing in a build from the Go module proxy).
   */
  mailpit?: { smtpUrl: string; apiUrl: string; source: Source; startedNow: boolean };
  /**
   * The Jaeger that collects traces, when asked for (`jaeger: true`): OTLP/HTTP for the services'
   * `OTEL_EXPORTER_OTLP_ENDPOINT`, and its query API (`/api/traces/{id}`; the UI is a placeholder in
   * a build from the Go module proxy).
   */
  jaeger?: { otlpHttpUrl: string; otlpGrpcUrl: string; queryUrl: string; source: Source; startedNow: boolean };
  /** The file holding `DATABASE_URL=` and `KAFKA_BROKERS=` lines (and `MAILPIT_*` ones with Mailpit). */
  envFile: string;
}

export interface InfraOptions {
  /** Environment to read settings from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** Progress lines ("starting ...", "reusing ..."); silent by default. */
  log?: (line: string) => void;
}

/** What `infraUp` brings up besides PostgreSQL and Kafka. */
export interface InfraUpOptions extends InfraOptions {
  /** Stay up until `infraDown`, whoever else comes and goes. */
  pin?: boolean;
  /** Mailpit too (SMTP on INFRA_MAILPIT_SMTP_PORT, API on INFRA_MAILPIT_HTTP_PORT), built once from the Go module proxy. */
  mailpit?: boolean;
  /** Jaeger too (OTLP on INFRA_JAEGER_OTLP_HTTP_PORT / _GRPC_PORT, query API on INFRA_JAEGER_QUERY_PORT), built once from the Go module proxy. */
  jaeger?: boolean;
}

const silent = () => undefined;

/**
 * Brings PostgreSQL and Kafka up, or reuses running ones, and returns once both answer
 * (PostgreSQL a query, Kafka a metadata request). With `pin`, they stay up until `infraDown`.
 */
export async function infraUp(options: InfraUpOptions = {}): Promise<InfraEndpoints> {
  const env = options.env ?? process.env;
  const log = options.log ?? silent;
  const config = loadInfraConfig(env);
  const paths = infraPaths(env);
  return withLock(paths.lockFile, async () => {
    const state = pruneDead(readState(paths));
    let postgres: PostgresEndpoint | undefined;
    try {
      postgres = await ensurePostgres(config, paths, state.postgres, log);
      if (postgres.started) state.postgres = postgres.started;
      writeState(paths, state);
      const kafka: KafkaEndpoint = await ensureKafka(config, paths, state.kafka, log);
      if (kafka.started) state.kafka = kafka.started;
      writeState(paths, state);
      const mailpit = options.mailpit ? await ensureMailpit(config, paths, state.mailpit, log) : undefined;
      if (mailpit?.started) state.mailpit = mailpit.started;
      writeState(paths, state);
      const jaeger = options.jaeger ? await ensureJaeger(config, paths, state.jaeger, log) : undefined;
      if (jaeger?.started) state.jaeger = jaeger.started;
      if (options.pin) state.pinned = true;
      writeState(paths, state);
      const endpoints: InfraEndpoints = {
        databaseUrl: postgres.url,
        kafkaBrokers: kafka.brokers,
        postgres: { source: postgres.source, startedNow: Boolean(postgres.started) },
        kafka: { source: kafka.source, startedNow: Boolean(kafka.started) },
        ...(mailpit && {
          mailpit: {
            smtpUrl: mailpit.smtpUrl,
            apiUrl: mailpit.apiUrl,
            source: mailpit.source,
            startedNow: Boolean(mailpit.started),
          },
        }),
        ...(jaeger && {
          jaeger: {
            otlpHttpUrl: jaeger.otlpHttpUrl,
            otlpGrpcUrl: jaeger.otlpGrpcUrl,
            queryUrl: jaeger.queryUrl,
            source: jaeger.source,
            startedNow: Boolean(jaeger.started),
          },
        }),
        envFile: paths.envFile,
      };
      writeEnvFile(paths, endpoints);
      return endpoints;
    } catch (error) {
      // Half-started: do not leave behind a server that this very call started and nobody holds.
      if (postgres?.started && !state.pinned && liveLeases(paths).length === 0) {
        await stopPostgres(postgres.started, paths);
        delete state.postgres;
        writeState(paths, state);
      }
      throw error;
    }
  });
}

/** Stops what this tool started (never a server it merely reused) and returns what it stopped. */
export async function infraDown(options: InfraOptions = {}): Promise<string[]> {
  const env = options.env ?? process.env;
  const paths = infraPaths(env);
  return withLock(paths.lockFile, () => stopManaged(paths));
}

async function stopManaged(paths: InfraPaths): Promise<string[]> {
  const state = pruneDead(readState(paths));
  const stopped: string[] = [];
  for (const monitor of stopOrder(state.monitoring ?? [])) {
    await stopMonitor(monitor);
    stopped.push(describeMonitor(monitor));
  }
  if (state.jaeger) {
    await stopJaeger(state.jaeger);
    stopped.push(`Jaeger (pid ${state.jaeger.pid}, ${state.jaeger.url})`);
  }
  if (state.mailpit) {
    await stopMailpit(state.mailpit);
    stopped.push(`Mailpit (pid ${state.mailpit.pid}, ${state.mailpit.url})`);
  }
  if (state.kafka) {
    await stopKafka(state.kafka);
    stopped.push(`Kafka (pid ${state.kafka.pid}, ${state.kafka.url})`);
  }
  if (state.postgres) {
    await stopPostgres(state.postgres, paths);
    stopped.push(`PostgreSQL (pid ${state.postgres.pid}, ${state.postgres.url})`);
  }
  writeState(paths, {});
  rmSync(paths.envFile, { force: true });
  return stopped;
}

/** A hold on the infrastructure by one user (a test run, `npm start`); see `acquireInfra`. */
export interface InfraLease {
  endpoints: InfraEndpoints;
  /** Lets go; the last holder stops what the tool started, unless `infra up` pinned it. */
  release(): Promise<string[]>;
}

/**
 * Brings the infrastructure up for the lifetime of one user. Several users (parallel test
 * runs) share the same servers; when the last one releases, the servers the tool started
 * for them are stopped, so a test run leaves nothing running.
 */
export async function acquireInfra(
  purpose: string,
  options: InfraOptions & Pick<InfraUpOptions, 'mailpit' | 'jaeger'> = {},
): Promise<InfraLease> {
  const env = options.env ?? process.env;
  const paths = infraPaths(env);
  const lease = addLease(paths, purpose);
  let endpoints: InfraEndpoints;
  try {
    endpoints = await infraUp(options);
  } catch (error) {
    await withLock(paths.lockFile, async () => {
      removeLease(paths, lease);
      await stopIfUnused(paths);
    });
    throw error;
  }
  let released = false;
  return {
    endpoints,
    release: async () => {
      if (released) return [];
      released = true;
      return withLock(paths.lockFile, async () => {
        removeLease(paths, lease);
        return stopIfUnused(paths);
      });
    },
  };
}

/** Stops the managed servers when nobody holds them and `infra up` did not pin them. */
async function stopIfUnused(paths: InfraPaths): Promise<string[]> {
  if (readState(paths).pinned || liveLeases(paths).length > 0) return [];
  return stopManaged(paths);
}

/** What `monitoringUp` watches and where its e-mails go. */
export interface MonitoringOptions extends InfraOptions {
  /** One scrape job per service, named after it (the `job` label of the rules), at its management port. */
  targets: readonly ScrapeTarget[];
  /** Where Alertmanager sends its e-mails: Mailpit's SMTP. */
  smtp: { host: string; port: number };
}

/** The Prometheus and Alertmanager of one `npm start` run. */
export interface Monitoring {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** Stops both (Prometheus first, so that it sends no alert about what stops after it) and forgets them. */
  stop(): Promise<string[]>;
}

const MONITOR_NAMES: Record<MonitorServer['kind'], string> = { prometheus: 'Prometheus', alertmanager: 'Alertmanager' };

/**
 * Starts Prometheus (INFRA_PROMETHEUS_PORT, 9090) and Alertmanager (INFRA_ALERTMANAGER_PORT, 9094)
 * for the services of the calling process (`npm start`), with configurations generated from `targets`
 * and `smtp`: Prometheus scrapes each service's management port, loads deploy/prometheus/rules and
 * sends its alerts to this Alertmanager, which e-mails them through Mailpit (the routes and templates
 * of deploy/alertmanager). They are recorded in the state (`infra status`, `infra down` see them);
 * the caller stops them with `stop()`. One left by an `npm start` that died is replaced; one of a
 * running `npm start`, or any other program on those ports, is an error naming the setting to change.
 */
export async function monitoringUp(options: MonitoringOptions): Promise<Monitoring> {
  const env = options.env ?? process.env;
  const log = options.log ?? silent;
  const config = loadInfraConfig(env);
  const paths = infraPaths(env);
  const urls: Record<MonitorServer['kind'], string> = {
    prometheus: `http://127.0.0.1:${config.prometheusPort}`,
    alertmanager: `http://127.0.0.1:${config.alertmanagerPort}`,
  };
  const mine = await withLock(paths.lockFile, async () => {
    const state = pruneDead(readState(paths));
    const monitors = (state.monitoring ??= []);
    for (const url of Object.values(urls)) {
      const previous = monitors.find((monitor) => monitor.url === url);
      if (!previous) continue;
      if (previous.owner !== process.pid && ownerRuns(previous.owner)) {
        throw new InfraError(
          `the ${MONITOR_NAMES[previous.kind]} at ${url} belongs to another npm start (pid ${previous.owner}): ` +
            'stop that one, or set INFRA_PROMETHEUS_PORT and INFRA_ALERTMANAGER_PORT to free ports',
        );
      }
      log(
        `${MONITOR_NAMES[previous.kind]}: stopping the one a stopped npm start (pid ${previous.owner}) left at ${url}`,
      );
      await stopMonitor(previous);
      monitors.splice(monitors.indexOf(previous), 1);
      writeState(paths, state);
    }
    const started: MonitorServer[] = [];
    const record = (server: ManagedServer, kind: MonitorServer['kind']) => {
      const monitor: MonitorServer = { ...server, kind, owner: process.pid };
      started.push(monitor);
      monitors.push(monitor);
      writeState(paths, state);
    };
    try {
      record(await startAlertmanager(config, paths, { smtp: options.smtp }, log), 'alertmanager');
      const prometheus = await startPrometheus(
        config,
        paths,
        {
          targets: options.targets,
          ruleFiles: PRODUCTION_RULE_FILES,
          alertmanager: `127.0.0.1:${config.alertmanagerPort}`,
        },
        log,
      );
      record(prometheus, 'prometheus');
      return started;
    } catch (error) {
      for (const monitor of started) {
        await stopMonitor(monitor);
        monitors.splice(monitors.indexOf(monitor), 1);
      }
      writeState(paths, state);
      throw error;
    }
  });
  let stopped: Promise<string[]> | undefined;
  return {
    prometheusUrl: urls.prometheus,
    alertmanagerUrl: urls.alertmanager,
    stop: () =>
      (stopped ??= withLock(paths.lockFile, async () => {
        const state = readState(paths);
        const ours = (state.monitoring ?? []).filter((monitor) => mine.some((m) => m.pid === monitor.pid));
        for (const monitor of stopOrder(ours)) await stopMonitor(monitor);
        state.monitoring = (state.monitoring ?? []).filter((monitor) => !ours.includes(monitor));
        writeState(paths, state);
        return stopOrder(ours).map(describeMonitor);
      })),
  };
}

/** True while the process that started a monitor (a Node process: `npm start`) still runs. */
function ownerRuns(pid: number): boolean {
  return isAlive(pid) && programOf(pid) === path.basename(process.execPath);
}

/** Prometheus before Alertmanager: the alerts stop before their route does. */
function stopOrder(monitors: readonly MonitorServer[]): MonitorServer[] {
  return [...monitors].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'prometheus' ? -1 : 1));
}

function isManagedMonitor(monitor: MonitorServer): boolean {
  return monitor.kind === 'prometheus' ? isManagedPrometheus(monitor.pid) : isManagedAlertmanager(monitor.pid);
}

async function stopMonitor(monitor: MonitorServer): Promise<void> {
  if (monitor.kind === 'prometheus') await stopPrometheus(monitor);
  else await stopAlertmanager(monitor);
}

function describeMonitor(monitor: MonitorServer): string {
  return `${MONITOR_NAMES[monitor.kind]} (pid ${monitor.pid}, ${monitor.url})`;
}

export interface InfraStatus {
  postgres?: { pid: number; url: string; running: boolean };
  kafka?: { pid: number; url: string; running: boolean };
  mailpit?: { pid: number; url: string; running: boolean };
  jaeger?: { pid: number; url: string; running: boolean };
  /** The Prometheus and Alertmanager servers of running `npm start`s, with the pid of each one's `npm start`. */
  monitoring: { kind: MonitorServer['kind']; pid: number; url: string; owner: number; running: boolean }[];
  pinned: boolean;
  leases: string[];
}

/** What the tool has started and whether it still runs, without changing anything. */
export function infraStatus(options: InfraOptions = {}): InfraStatus {
  const paths = infraPaths(options.env ?? process.env);
  const state = readState(paths);
  return {
    postgres: state.postgres && {
      pid: state.postgres.pid,
      url: state.postgres.url,
      running: isManagedPostgres(state.postgres.pid),
    },
    kafka: state.kafka && { pid: state.kafka.pid, url: state.kafka.url, running: isManagedKafka(state.kafka.pid) },
    mailpit: state.mailpit && {
      pid: state.mailpit.pid,
      url: state.mailpit.url,
      running: isManagedMailpit(state.mailpit.pid),
    },
    jaeger: state.jaeger && {
      pid: state.jaeger.pid,
      url: state.jaeger.url,
      running: isManagedJaeger(state.jaeger.pid),
    },
    monitoring: (state.monitoring ?? []).map((monitor) => ({
      kind: monitor.kind,
      pid: monitor.pid,
      url: monitor.url,
      owner: monitor.owner,
      running: isManagedMonitor(monitor),
    })),
    pinned: Boolean(state.pinned),
    leases: liveLeases(paths).map((l) => `${l.purpose} (pid ${l.pid})`),
  };
}

/** Forgets servers whose process has gone (a crash, a reboot): they are started afresh. */
function pruneDead(state: InfraState): InfraState {
  const next = { ...state };
  if (next.postgres && !isManagedPostgres(next.postgres.pid)) delete next.postgres;
  if (next.kafka && !isManagedKafka(next.kafka.pid)) delete next.kafka;
  if (next.mailpit && !isManagedMailpit(next.mailpit.pid)) delete next.mailpit;
  if (next.jaeger && !isManagedJaeger(next.jaeger.pid)) delete next.jaeger;
  if (next.monitoring) next.monitoring = next.monitoring.filter(isManagedMonitor);
  if (!next.monitoring?.length) delete next.monitoring;
  if (!next.postgres && !next.kafka && !next.mailpit && !next.jaeger && !next.monitoring) delete next.pinned;
  return next;
}

/** `.data/infra.env`: lines a shell can source and a dotenv loader can read. */
export function envLines(
  endpoints: Pick<InfraEndpoints, 'databaseUrl' | 'kafkaBrokers' | 'mailpit' | 'jaeger'>,
): string[] {
  return [
    `DATABASE_URL=${endpoints.databaseUrl}`,
    `KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`,
    ...(endpoints.mailpit
      ? [`MAILPIT_SMTP_URL=${endpoints.mailpit.smtpUrl}`, `MAILPIT_API_URL=${endpoints.mailpit.apiUrl}`]
      : []),
    ...(endpoints.jaeger
      ? [`OTEL_EXPORTER_OTLP_ENDPOINT=${endpoints.jaeger.otlpHttpUrl}`, `JAEGER_QUERY_URL=${endpoints.jaeger.queryUrl}`]
      : []),
  ];
}

function writeEnvFile(paths: InfraPaths, endpoints: InfraEndpoints): void {
  mkdirSync(paths.root, { recursive: true });
  writeFileSync(paths.envFile, envLines(endpoints).join('\n') + '\n');
}
