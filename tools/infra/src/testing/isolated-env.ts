// Test-only: infra's own tests start servers beside the shared ones; not exported from the testing entry.
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { infraPaths } from '../paths.js';
import { freePort } from '../ports.js';

/** A fresh data folder and fresh ports, so these tests start servers of their own beside the shared ones. */
export async function isolatedEnv(): Promise<NodeJS.ProcessEnv> {
  // Under the repository's .data rather than /tmp, whose sticky, private folders the postgres OS user may not enter.
  const base = path.join(infraPaths().root, 'test-infra');
  mkdirSync(base, { recursive: true });
  return {
    PATH: process.env['PATH'],
    INFRA_DATA_DIR: mkdtempSync(path.join(base, 'run-')),
    INFRA_PG_PORT: String(await freePort()),
    INFRA_KAFKA_PORT: String(await freePort()),
    INFRA_KAFKA_CONTROLLER_PORT: String(await freePort()),
    INFRA_JAEGER_OTLP_GRPC_PORT: String(await freePort()),
    INFRA_JAEGER_OTLP_HTTP_PORT: String(await freePort()),
    INFRA_JAEGER_QUERY_PORT: String(await freePort()),
    INFRA_JAEGER_QUERY_GRPC_PORT: String(await freePort()),
    INFRA_PROMETHEUS_PORT: String(await freePort()),
    INFRA_ALERTMANAGER_PORT: String(await freePort()),
  };
}
