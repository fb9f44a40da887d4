import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureJaegerBinary } from '../jaeger-binary.js';
import { jaegerUrls, spawnJaeger, waitForJaeger, type JaegerPorts } from '../jaeger.js';
import { freePort } from '../ports.js';

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
  const child: ChildProcess = spawnJaeger(bin, ports, path.join(dir, 'config.yaml'), { outFile });
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForJaeger(urls.queryUrl, ports.otlpHttpPort, running, 30_000, () => '');
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...urls, stop };
}
