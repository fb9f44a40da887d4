import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { ensureJaegerBinary } from './jaeger-binary.js';
import type { InfraPaths } from './paths.js';
import { isPortOpen } from './ports.js';
import type { Source } from './postgres.js';
import {
  firstTakenPort,
  isServerProcess,
  startManagedServer,
  stopServer,
  type ServerProgram,
} from './server-process.js';
import type { ManagedServer } from './state.js';

const LOOPBACK = '127.0.0.1';
/** Jaeger v2 ignores SIGTERM for seconds while it drains; past this it is killed. */
const STOP_GRACE_MS = 5_000;

/** The ports of one Jaeger: OTLP receivers and the query API (and placeholder UI). */
export interface JaegerPorts {
  otlpGrpcPort: number;
  otlpHttpPort: number;
  queryHttpPort: number;
  /** The query service's gRPC API; the API v3 over gRPC. */
  queryGrpcPort: number;
}

/** Where spans go (OTLP) and where traces are read (Jaeger's query API, `/api/traces/{id}`). */
export interface JaegerEndpoint {
  /** OTLP over HTTP: what `OTEL_EXPORTER_OTLP_ENDPOINT` takes (`/v1/traces` is appended by the SDK). */
  otlpHttpUrl: string;
  otlpGrpcUrl: string;
  queryUrl: string;
  source: Source;
  /** Set when this call started it. */
  started?: ManagedServer;
}

/**
 * Jaeger's configuration (an OpenTelemetry Collector file): OTLP in, in-memory storage, the query
 * extension, all on loopback ports of our choosing. Its built-in all-in-one file also opens the
 * Jaeger/Zipkin receivers, remote sampling, zpages, expvar and metrics on fixed ports, which two
 * Jaegers (a developer's and a test's) could not share.
 */
export function jaegerConfigYaml(ports: JaegerPorts, maxTraces = 100_000): string {
  return `# Written by tools/infra (jaeger.ts); regenerated on every start.
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: ${maxTraces}
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: ${LOOPBACK}:${ports.queryHttpPort}
    grpc:
      endpoint: ${LOOPBACK}:${ports.queryGrpcPort}
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ${LOOPBACK}:${ports.otlpGrpcPort}
      http:
        endpoint: ${LOOPBACK}:${ports.otlpHttpPort}
processors:
  batch:
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}

/** True when `queryUrl` answers as Jaeger's query API (`GET /api/services` with a `data` list). */
export async function isJaegerAnswering(queryUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${queryUrl}/api/services`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const body = (await response.json()) as { data?: unknown };
    return Array.isArray(body.data) || body.data === null;
  } catch {
    return false;
  }
}

/**
 * The built Jaeger with the configuration `jaegerConfigYaml` writes to `configFile`, ready once its
 * query API answers and its OTLP/HTTP port accepts: for `startManagedServer` (npm start) or
 * `startChildServer` (a test's own). Call `writeJaegerConfig` before starting it.
 */
export function jaegerProgram(
  bin: string,
  ports: JaegerPorts,
  configFile: string,
  options: { outFile?: string } = {},
): ServerProgram {
  const { queryUrl } = jaegerUrls(ports);
  return {
    name: 'Jaeger',
    bin,
    args: ['--config', configFile],
    url: queryUrl,
    ready: async () => (await isJaegerAnswering(queryUrl)) && (await isPortOpen(LOOPBACK, ports.otlpHttpPort)),
    outFile: options.outFile,
    stopGraceMs: STOP_GRACE_MS,
  };
}

/** Writes Jaeger's configuration for these ports (regenerated on every start). */
export function writeJaegerConfig(ports: JaegerPorts, configFile: string): void {
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, jaegerConfigYaml(ports));
}

/** The URLs of a Jaeger on these loopback ports. */
export function jaegerUrls(ports: JaegerPorts): Pick<JaegerEndpoint, 'otlpHttpUrl' | 'otlpGrpcUrl' | 'queryUrl'> {
  return {
    otlpHttpUrl: `http://${LOOPBACK}:${ports.otlpHttpPort}`,
    otlpGrpcUrl: `http://${LOOPBACK}:${ports.otlpGrpcPort}`,
    queryUrl: `http://${LOOPBACK}:${ports.queryHttpPort}`,
  };
}

/**
 * Finds or starts Jaeger for `npm start`: the one this tool started before; else one already
 * answering on the configured query port; else a new one built from the Go module proxy (once).
 */
export async function ensureJaeger(
  config: InfraConfig,
  paths: InfraPaths,
  previous: ManagedServer | undefined,
  log: (line: string) => void,
): Promise<JaegerEndpoint> {
  const ports: JaegerPorts = {
    otlpGrpcPort: config.jaegerOtlpGrpcPort,
    otlpHttpPort: config.jaegerOtlpHttpPort,
    queryHttpPort: config.jaegerQueryPort,
    queryGrpcPort: config.jaegerQueryGrpcPort,
  };
  const urls = jaegerUrls(ports);
  if (previous && isManagedJaeger(previous.pid)) {
    if (previous.url === urls.queryUrl) return { ...urls, source: 'managed' };
    throw new InfraError(
      `a Jaeger this tool started runs at ${previous.url}, not at ${urls.queryUrl}: stop it (npm run infra:down) or leave the INFRA_JAEGER_* ports as they were`,
    );
  }
  if (await isPortOpen(LOOPBACK, ports.queryHttpPort)) {
    if (!(await isJaegerAnswering(urls.queryUrl)) || !(await isPortOpen(LOOPBACK, ports.otlpHttpPort))) {
      throw new InfraError(
        `${LOOPBACK}:${ports.queryHttpPort} is taken, but it did not answer as Jaeger with OTLP on ${ports.otlpHttpPort}. ` +
          'Stop what listens there, or set INFRA_JAEGER_QUERY_PORT and INFRA_JAEGER_OTLP_HTTP_PORT to free ports.',
      );
    }
    log(`Jaeger: reusing the one already answering on ${urls.queryUrl}`);
    return { ...urls, source: 'running' };
  }
  const taken = await firstTakenPort([
    ['INFRA_JAEGER_OTLP_GRPC_PORT', ports.otlpGrpcPort],
    ['INFRA_JAEGER_OTLP_HTTP_PORT', ports.otlpHttpPort],
    ['INFRA_JAEGER_QUERY_GRPC_PORT', ports.queryGrpcPort],
  ]);
  if (taken) {
    throw new InfraError(
      `Jaeger's port ${LOOPBACK}:${taken.port} is taken by another program; stop it or set ${taken.setting}`,
    );
  }
  const bin = await ensureJaegerBinary(log);
  mkdirSync(paths.jaegerDir, { recursive: true });
  log(
    `Jaeger: starting OTLP on ${urls.otlpHttpUrl} (HTTP) and ${urls.otlpGrpcUrl} (gRPC), query API on ${urls.queryUrl}`,
  );
  writeJaegerConfig(ports, paths.jaegerConfig);
  const started = await startManagedServer(
    jaegerProgram(bin, ports, paths.jaegerConfig, { outFile: paths.jaegerOut }),
    config.startTimeoutMs,
  );
  return { ...urls, source: 'managed', started };
}

/** True when the pid is a live Jaeger (not another program that reused the pid). */
export function isManagedJaeger(pid: number): boolean {
  return isServerProcess(pid, 'jaeger');
}

/** Stops a Jaeger this tool started: SIGTERM, then SIGKILL after a few seconds (it drains slowly). */
export async function stopJaeger(server: ManagedServer): Promise<void> {
  await stopServer(server, 'jaeger', STOP_GRACE_MS);
}
