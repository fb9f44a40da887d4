import { rmSync } from 'node:fs';
import { loadInfraConfig } from '../config.js';
import { infraPaths } from '../paths.js';
import { ensurePostgres, stopPostgres } from '../postgres.js';
import type { ManagedServer } from '../state.js';
import { isolatedEnv } from './isolated-env.js';

/** A PostgreSQL server of one caller's own, which it may stop and start again (a database restart). */
export interface RestartablePostgres {
  /** The server's URL (its `postgres` database): create databases on it. */
  url: string;
  /** Stops the server (a fast shutdown: open connections are cut); its data stays for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * Starts a PostgreSQL server on a free loopback port with its own data folder, for fault runs that
 * take the database away: the shared test server must stay up for every other test file.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const env = await isolatedEnv();
  const config = loadInfraConfig(env);
  const paths = infraPaths(env);
  let server: ManagedServer | undefined;
  let url = '';
  const start = async (): Promise<void> => {
    if (server) return;
    const endpoint = await ensurePostgres(config, paths, undefined, () => undefined);
    url = endpoint.url;
    server = endpoint.started;
  };
  const stop = async (): Promise<void> => {
    if (!server) return;
    await stopPostgres(server, paths);
    server = undefined;
  };
  await start();
  return {
    url,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(paths.root, { recursive: true, force: true });
    },
  };
}
