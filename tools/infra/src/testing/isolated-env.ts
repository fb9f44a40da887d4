// Test-only: infra's own tests start servers beside the shared ones; not exported from the testing entry.
import { mkdirSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { infraPaths } from '../paths.js';

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
  };
}
