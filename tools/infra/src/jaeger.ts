import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { ensureJaegerBinary } from './jaeger-binary.js';
import type { InfraPaths } from './paths.js';
import { isPortOpen } from './ports.js';
import type { Source } from './postgres.js';
import { commandLine, isAlive, stopProcess, tail } from './process.js';
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

/** Waits until the query API answers and the OTLP/HTTP port accepts, failing fast when the process dies. */
export async function waitForJaeger(
  queryUrl: string,
  otlpHttpPort: number,
  isRunning: () => boolean,
  timeoutMs: number,
  describeExit: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new InfraError(`Jaeger exited while starting. ${describeExit()}`);
    if ((await isJaegerAnswering(queryUrl)) && (await isPortOpen(LOOPBACK, otlpHttpPort))) return;
    await sleep(100);
  }
  throw new InfraError(
    `Jaeger did not answer at ${queryUrl} within ${Math.round(timeoutMs / 1000)} s. ${describeExit()}`,
  );
}

/** Writes the configuration to `configFile` and spawns the built Jaeger with it; the caller waits for it and stops it. */
export function spawnJaeger(
  bin: string,
  ports: JaegerPorts,
  configFile: string,
  options: { detached?: boolean; outFile?: string } = {},
): ChildProcess {
  writeFileSync(configFile, jaegerConfigYaml(ports));
  const out = options.outFile ? openSync(options.outFile, 'w') : 'ignore';
  const child = spawn(bin, ['--config', configFile], {
    detached: options.detached ?? false,
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  child.once('error', () => undefined);
  return child;
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
  for (const [name, port] of [
    ['INFRA_JAEGER_OTLP_GRPC_PORT', ports.otlpGrpcPort],
    ['INFRA_JAEGER_OTLP_HTTP_PORT', ports.otlpHttpPort],
    ['INFRA_JAEGER_QUERY_GRPC_PORT', ports.queryGrpcPort],
  ] as const) {
    if (await isPortOpen(LOOPBACK, port)) {
      throw new InfraError(`Jaeger's port ${LOOPBACK}:${port} is taken by another program; stop it or set ${name}`);
    }
  }
  const bin = await ensureJaegerBinary(log);
  mkdirSync(paths.jaegerDir, { recursive: true });
  log(
    `Jaeger: starting OTLP on ${urls.otlpHttpUrl} (HTTP) and ${urls.otlpGrpcUrl} (gRPC), query API on ${urls.queryUrl}`,
  );
  const child = spawnJaeger(bin, ports, paths.jaegerConfig, { detached: true, outFile: paths.jaegerOut });
  child.unref();
  const pid = child.pid;
  if (!pid) throw new InfraError('could not start Jaeger');
  try {
    await waitForJaeger(
      urls.queryUrl,
      ports.otlpHttpPort,
      () => isAlive(pid),
      config.startTimeoutMs,
      () => `The end of ${paths.jaegerOut}:\n${tail(paths.jaegerOut)}`,
    );
  } catch (error) {
    await stopProcess(pid, STOP_GRACE_MS);
    throw error;
  }
  return { ...urls, source: 'managed', started: { pid, url: urls.queryUrl, startedAt: new Date().toISOString() } };
}

/** True when the pid is a live Jaeger (not another program that reused the pid). */
export function isManagedJaeger(pid: number): boolean {
  return isAlive(pid) && commandLine(pid).includes('jaeger');
}

/** Stops a Jaeger this tool started: SIGTERM, then SIGKILL after a few seconds (it drains slowly). */
export async function stopJaeger(server: ManagedServer): Promise<void> {
  if (isManagedJaeger(server.pid)) await stopProcess(server.pid, STOP_GRACE_MS);
}
