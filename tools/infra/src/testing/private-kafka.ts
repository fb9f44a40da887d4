import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadInfraConfig } from '../config.js';
import { ensureKafka, stopKafka } from '../kafka.js';
import { infraPaths } from '../paths.js';
import { freePort } from '../ports.js';
import type { ManagedServer } from '../state.js';
import { isolatedEnv } from './isolated-env.js';

/** A Kafka broker of one test file's own, which the test may stop and start again. */
export interface PrivateKafka {
  brokers: string[];
  /** With `ssl`: the TLS listener's `host:port` (the plain one stays in `brokers`). */
  sslBrokers: string[];
  /** Stops the broker (SIGTERM, then SIGKILL); its data stays for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

/** A TLS listener for the private broker: its certificate and key (PEM), and the CA of client certificates. */
export interface PrivateKafkaSsl {
  certFile: string;
  keyFile: string;
  caFile: string;
  /** Mutual TLS: clients without a certificate from `caFile` are refused. */
  requireClientCertificate?: boolean;
}

/**
 * Starts a single-node KRaft broker on free ports with its own data folder, for fault tests that
 * take the broker away: the shared test broker must stay up for every other test file.
 */
export async function startPrivateKafka(options: { ssl?: PrivateKafkaSsl } = {}): Promise<PrivateKafka> {
  const env = await isolatedEnv();
  const config = loadInfraConfig(env);
  const paths = infraPaths(env);
  if (options.ssl) {
    // Kafka's PEM keystore: the private key, then the certificate chain, in one file.
    const keystoreFile = path.join(paths.root, 'kafka-keystore.pem');
    writeFileSync(
      keystoreFile,
      readFileSync(options.ssl.keyFile, 'utf8') + readFileSync(options.ssl.certFile, 'utf8'),
      { mode: 0o600 },
    );
    config.kafkaSsl = {
      port: await freePort(),
      keystoreFile,
      truststoreFile: options.ssl.caFile,
      clientAuth: options.ssl.requireClientCertificate ? 'required' : 'none',
    };
  }
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
    sslBrokers: config.kafkaSsl ? [`127.0.0.1:${config.kafkaSsl.port}`] : [],
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(paths.root, { recursive: true, force: true });
    },
  };
}
