import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureJaegerBinary } from '../jaeger-binary.js';
import { jaegerProgram, jaegerUrls, writeJaegerConfig, type JaegerPorts } from '../jaeger.js';
import { freePort } from '../ports.js';
import { startChildServer, type ChildServer } from '../server-process.js';

/**
 * A Jaeger of one test file's own on free loopback ports (in-memory storage): point a service's
 * `OTEL_EXPORTER_OTLP_ENDPOINT` at `otlpHttpUrl`, read traces from `queryUrl` (`/api/traces/{id}`).
 */
export interface TestJaeger {
  otlpHttpUrl: string;
  otlpGrpcUrl: string;
  queryUrl: string;
  /** SIGTERM, then SIGKILL after a few seconds (Jaeger drains slowly). */
  stop(): Promise<void>;
}

/** Starts a Jaeger built by tools/infra (`ensure-prerequisites.mjs test` builds it; here it is built if missing: minutes). */
export async function startTestJaeger(): Promise<TestJaeger> {
  const bin = await ensureJaegerBinary((line) => process.stderr.write(`[infra] ${line}\n`));
  const ports: JaegerPorts = {
    otlpGrpcPort: await freePort(),
    otlpHttpPort: await freePort(),
    queryHttpPort: await freePort(),
    queryGrpcPort: await freePort(),
  };
  const urls = jaegerUrls(ports);
  const dir = mkdtempSync(path.join(tmpdir(), 'test-jaeger-'));
  const outFile = path.join(dir, 'jaeger.out');
  const configFile = path.join(dir, 'config.yaml');
  writeJaegerConfig(ports, configFile);
  let server: ChildServer;
  try {
    server = await startChildServer(jaegerProgram(bin, ports, configFile, { outFile }), 30_000);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { ...urls, stop };
}
