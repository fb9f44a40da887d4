import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import { ensureJava, ensureKafkaJars } from './kafka-jars.js';
import { kafkaLibDir, kafkaToolDir, type InfraPaths } from './paths.js';
import { isPortOpen } from './ports.js';
import { commandLine, isAlive, run, stopProcess, tail } from './process.js';
import type { Source } from './postgres.js';
import type { ManagedServer } from './state.js';

export interface KafkaEndpoint {
  brokers: string[];
  source: Source;
  /** Set when this call started the broker. */
  started?: ManagedServer;
}

const LOOPBACK = '127.0.0.1';
const MAIN_CLASS = 'kafka.Kafka';

/** Asks the cluster for its brokers with a real client (kafkajs); rejects when it does not answer. */
export async function describeKafka(
  brokers: string[],
  timeoutMs = 5_000,
): Promise<{ brokers: number; controller: number | null }> {
  const kafka = new Kafka({
    clientId: 'infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3_000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return { brokers: cluster.brokers.length, controller: cluster.controller };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Finds or starts Kafka: `KAFKA_BROKERS`; else the broker this tool started before; else one
 * already answering on 127.0.0.1; else a new single-node KRaft broker from tools/kafka's jars.
 */
export async function ensureKafka(
  config: InfraConfig,
  paths: InfraPaths,
  previous: ManagedServer | undefined,
  log: (line: string) => void,
): Promise<KafkaEndpoint> {
  const external = config.kafkaBrokers;
  if (external) {
    await describeKafka(external, 10_000).catch((error: Error) => {
      throw new InfraError(
        `KAFKA_BROKERS (${external.join(',')}) does not answer a metadata request: ${error.message}`,
      );
    });
    return { brokers: external, source: 'env' };
  }
  if (previous && isManagedKafka(previous.pid)) {
    const brokers = previous.url.split(',');
    await waitForKafka(brokers, previous.pid, 30_000, paths).catch((error: Error) => {
      throw new InfraError(`${error.message} Run \`npm run infra:down\` and try again.`);
    });
    return { brokers, source: 'managed' };
  }
  const brokers = [`${LOOPBACK}:${config.kafkaPort}`];
  if (await isPortOpen(LOOPBACK, config.kafkaPort)) {
    try {
      await describeKafka(brokers, 5_000);
    } catch (error) {
      throw new InfraError(
        `${LOOPBACK}:${config.kafkaPort} is taken, but it did not answer as Kafka (${(error as Error).message}). ` +
          'Set KAFKA_BROKERS to your brokers, stop what listens there, or set INFRA_KAFKA_PORT to a free port.',
      );
    }
    log(`Kafka: reusing the broker already answering on ${brokers[0]}`);
    return { brokers, source: 'running' };
  }
  if (await isPortOpen(LOOPBACK, config.kafkaControllerPort)) {
    throw new InfraError(
      `the Kafka controller port ${LOOPBACK}:${config.kafkaControllerPort} is taken by another program; ` +
        'stop it or set INFRA_KAFKA_CONTROLLER_PORT to a free port',
    );
  }
  const started = await startKafka(config, paths, log);
  return { brokers, source: 'managed', started };
}

/** True when the pid is a live Kafka broker JVM (not another program that reused the pid). */
export function isManagedKafka(pid: number): boolean {
  return isAlive(pid) && commandLine(pid).includes(MAIN_CLASS);
}

/** Stops a broker this tool started: SIGTERM lets it shut down cleanly, SIGKILL after a grace period. */
export async function stopKafka(server: ManagedServer): Promise<void> {
  if (isManagedKafka(server.pid)) await stopProcess(server.pid, 30_000);
}

async function startKafka(config: InfraConfig, paths: InfraPaths, log: (line: string) => void): Promise<ManagedServer> {
  await ensureJava();
  await ensureKafkaJars(log);
  mkdirSync(paths.kafkaLogs, { recursive: true });
  writeFileSync(paths.kafkaConfig, serverProperties(config, paths));
  if (!existsSync(path.join(paths.kafkaData, 'meta.properties'))) {
    log(`Kafka: formatting KRaft storage in ${paths.kafkaData}`);
    // No meta.properties means no format ever finished: whatever is there is debris.
    rmSync(paths.kafkaData, { recursive: true, force: true });
    const clusterId = randomBytes(16).toString('base64url');
    await run('java', [
      '-cp',
      classpath(),
      'kafka.tools.StorageTool',
      'format',
      // Joined with `=`: a base64url id may start with '-', which the tool's parser would take for an option.
      `--cluster-id=${clusterId}`,
      '-c',
      paths.kafkaConfig,
      '--ignore-formatted',
    ]).catch((error: Error) => {
      throw new InfraError(`formatting Kafka storage failed: ${error.message}`);
    });
  }
  log(`Kafka: starting a KRaft broker on ${LOOPBACK}:${config.kafkaPort}`);
  const out = openSync(paths.kafkaOut, 'w');
  const child = spawn(
    'java',
    [
      '-Xms256m',
      '-Xmx1g',
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${path.join(kafkaToolDir, 'log4j.properties')}`,
      `-Dkafka.logs.dir=${paths.kafkaLogs}`,
      '-cp',
      classpath(),
      MAIN_CLASS,
      paths.kafkaConfig,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  child.unref();
  const pid = child.pid;
  if (!pid) throw new InfraError('could not start java for the Kafka broker');
  const brokers = [`${LOOPBACK}:${config.kafkaPort}`];
  try {
    await waitForKafka(brokers, pid, config.startTimeoutMs, paths);
  } catch (error) {
    await stopProcess(pid, 5_000);
    throw error;
  }
  return { pid, url: brokers.join(','), startedAt: new Date().toISOString() };
}

/** Waits until the broker answers a metadata request, failing fast if its process dies. */
async function waitForKafka(brokers: string[], pid: number, timeoutMs: number, paths: InfraPaths): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new InfraError(
        `the Kafka broker (pid ${pid}) exited while starting. The end of ${paths.kafkaOut}:\n${tail(paths.kafkaOut)}\n` +
          `and of ${path.join(paths.kafkaLogs, 'server.log')}:\n${tail(path.join(paths.kafkaLogs, 'server.log'))}`,
      );
    }
    try {
      await describeKafka(brokers, 3_000);
      return;
    } catch (error) {
      lastError = (error as Error).message;
      await sleep(250);
    }
  }
  throw new InfraError(
    `the Kafka broker (pid ${pid}) did not answer within ${Math.round(timeoutMs / 1000)} s (${lastError}). ` +
      `See ${path.join(paths.kafkaLogs, 'server.log')}.`,
  );
}

/** The TLS listener beside PLAINTEXT (which the broker's own probes and the controller keep using). */
function sslListenerProperties(config: InfraConfig): Record<string, string> {
  const ssl = config.kafkaSsl;
  if (!ssl) return {};
  const plain = `PLAINTEXT://${LOOPBACK}:${config.kafkaPort}`;
  const secure = `SSL://${LOOPBACK}:${ssl.port}`;
  return {
    listeners: `${plain},${secure},CONTROLLER://${LOOPBACK}:${config.kafkaControllerPort}`,
    'advertised.listeners': `${plain},${secure}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT',
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': ssl.keystoreFile,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': ssl.truststoreFile,
    'ssl.client.auth': ssl.clientAuth,
    'ssl.endpoint.identification.algorithm': 'https',
  };
}

function classpath(): string {
  return path.join(kafkaLibDir, '*');
}

/** Broker settings for fast local work on one node; see tools/infra/README.md for why each is set. */
function serverProperties(config: InfraConfig, paths: InfraPaths): string {
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${LOOPBACK}:${config.kafkaControllerPort}`,
    listeners: `PLAINTEXT://${LOOPBACK}:${config.kafkaPort},CONTROLLER://${LOOPBACK}:${config.kafkaControllerPort}`,
    'advertised.listeners': `PLAINTEXT://${LOOPBACK}:${config.kafkaPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': paths.kafkaData,
    'auto.create.topics.enable': false,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'group.initial.rebalance.delay.ms': 0,
    'group.min.session.timeout.ms': 1000,
    'log.retention.hours': 24,
    'log.segment.bytes': 64 * 1024 * 1024,
    ...sslListenerProperties(config),
  };
  return (
    '# Generated by tools/infra on every start; edit tools/infra/src/kafka.ts instead.\n' +
    Object.entries(settings)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n') +
    '\n'
  );
}
