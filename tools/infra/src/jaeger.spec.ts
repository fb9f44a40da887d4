import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInfraConfig } from './config.js';
import { ensureJaeger, isManagedJaeger, stopJaeger } from './jaeger.js';
import { infraPaths } from './paths.js';
import { freePort } from './ports.js';
import type { ManagedServer } from './state.js';

// The Jaeger of `npm start`, on free ports and a data folder of this test's own.
describe('ensureJaeger', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'infra-jaeger-'));
  let started: ManagedServer | undefined;
  afterAll(async () => {
    if (started) await stopJaeger(started);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts one, reuses it (its own, or one answering), and stops it', async () => {
    const env = {
      INFRA_DATA_DIR: dataDir,
      INFRA_JAEGER_OTLP_GRPC_PORT: String(await freePort()),
      INFRA_JAEGER_OTLP_HTTP_PORT: String(await freePort()),
      INFRA_JAEGER_QUERY_PORT: String(await freePort()),
      INFRA_JAEGER_QUERY_GRPC_PORT: String(await freePort()),
    };
    const config = loadInfraConfig(env);
    const paths = infraPaths(env);
    const lines: string[] = [];

    const first = await ensureJaeger(config, paths, undefined, (line) => lines.push(line));
    started = first.started;
    expect(first).toMatchObject({
      source: 'managed',
      queryUrl: `http://127.0.0.1:${config.jaegerQueryPort}`,
      otlpHttpUrl: `http://127.0.0.1:${config.jaegerOtlpHttpPort}`,
    });
    expect(started && isManagedJaeger(started.pid)).toBe(true);
    const services = await fetch(`${first.queryUrl}/api/services`);
    expect(services.status).toBe(200);

    expect(await ensureJaeger(config, paths, started, () => undefined)).toMatchObject({ source: 'managed' });
    expect((await ensureJaeger(config, paths, undefined, () => undefined)).source).toBe('running');

    await stopJaeger(started!);
    expect(isManagedJaeger(started!.pid)).toBe(false);
    started = undefined;
  }, 60_000);
});
