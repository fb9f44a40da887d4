import { getLogger } from '@platform/logging';
import { kafkaSecurity } from '@platform/tls';
import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';

/** Where the brokers are and who is asking. */
export interface KafkaClientOptions {
  /** `host:port` of at least one broker. */
  brokers: readonly string[];
  /** Shown in broker logs and quotas: the service name. */
  clientId: string;
  /** Anything else kafkajs accepts (timeouts; `ssl`/`sasl` here replace the environment's). */
  extra?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator' | 'logLevel'>;
  /** Where the security settings (KAFKA_SSL*, KAFKA_SASL*) are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

// kafkajs logs through our logger, so its lines are JSON with the service's fields. Its INFO is
// chatty (every join and commit), so it arrives at debug; warnings and errors keep their level.
const platformLogCreator: logCreator = () => {
  const logger = getLogger('kafkajs');
  return ({ level, log }) => {
    const { message, timestamp: _timestamp, ...fields } = log;
    let name = LEVEL_NAMES[level] ?? 'debug';
    if (name === 'info') name = 'debug';
    // kafkajs logs every refused request at error, then retries it; only the final failure, which
    // reaches our code as an exception, is an error.
    if (name === 'error' && String(message).startsWith('Response ')) name = 'warn';
    logger[name](String(message), fields);
  };
};

/**
 * A kafkajs client that logs as the platform does, and reaches the brokers over TLS and SASL as
 * KAFKA_SSL* and KAFKA_SASL* say (`kafkaSecurity` of @platform/tls): every service, tool and
 * consumer of this library gets the same transport security from the same settings.
 */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  if (options.brokers.length === 0) throw new MessagingOptionsError('Kafka needs at least one broker (KAFKA_BROKERS)');
  let security;
  try {
    security = kafkaSecurity(options.env ?? process.env);
  } catch (error) {
    throw new MessagingOptionsError((error as Error).message);
  }
  return new Kafka({
    ...security,
    ...options.extra,
    brokers: [...options.brokers],
    clientId: options.clientId,
    logLevel: logLevel.INFO,
    logCreator: platformLogCreator,
  });
}
