import { rmSync } from 'node:fs';
import { loadInfraConfig } from '../config.js';
import { ensureKafka, stopKafka } from '../kafka.js';
import { infraPaths } from '../paths.js';
import type { ManagedServer } from '../state.js';
import { isolatedEnv } from './isolated-env.js';

/** A Kafka broker of one test file's own, which the test may stop and start again. */
export interface PrivateKafka {
  brokers: string[];
  /** Stops the broker (SIGTERM, then SIGKILL); its data stays for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * Starts a single-node KRaft broker on free ports with its own data folder, for fault tests that
 * take the broker away: the shared test broker must stay up for every other test file.
 */
export async function startPrivateKafka(): Promise<PrivateKafka> {
  const env = await isolatedEnv();
  const config = loadInfraConfig(env);
  const paths = infraPaths(env);
  let server: ManagedServer | undefined;
  const start = async (): Promise<void> => {
    if (server) return;
    const endpoint = await ensureKafka(config, paths, undefined, () => undefined);
    server = endpoint.started;
  };
  const stop = async (): Promise<void> => {
    if (!server) return;
    await stopKafka(server);
    server = undefined;
  };
  await start();
  return {
    brokers: [`127.0.0.1:${config.kafkaPort}`],
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(paths.root, { recursive: true, force: true });
    },
  };
}
