import { readFileSync } from 'node:fs';
import { infraPaths } from '@platform/infra';
import { brokersFromEnv, createKafkaClient } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { DlqError } from './errors.js';

/** `KEY=value` lines of the env file `npm run infra:up` writes; empty when there is none. */
function readInfraEnv(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

/**
 * The brokers to talk to: `KAFKA_BROKERS`, else the `KAFKA_BROKERS=` line of `.data/infra.env`
 * (written by `npm run infra:up`), else a DlqError saying how to get one.
 */
export function resolveBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  const envFile = infraPaths(env).envFile;
  const fromEnv = env['KAFKA_BROKERS']?.trim();
  const raw = fromEnv || readInfraEnv(envFile)['KAFKA_BROKERS']?.trim();
  if (!raw) {
    throw new DlqError(
      `no Kafka brokers: set KAFKA_BROKERS=host:port[,host:port...] or run \`npm run infra:up\` (it writes ${envFile})`,
    );
  }
  try {
    return brokersFromEnv({ KAFKA_BROKERS: raw });
  } catch (error) {
    const source = fromEnv ? 'the environment' : envFile;
    throw new DlqError(`${(error as Error).message} (KAFKA_BROKERS from ${source})`);
  }
}

/** The platform's kafkajs client for the tool: platform logging, and a quick answer when no broker listens. */
export function dlqKafka(brokers: string[]): Kafka {
  return createKafkaClient({
    brokers,
    clientId: 'dlq-tool',
    extra: { connectionTimeout: 3_000, retry: { retries: 4 } },
  });
}
