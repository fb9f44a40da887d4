import { ValidateBy } from 'class-validator';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';

// One broker address as kafkajs takes it: a host name or IPv4 address, a colon, a port.
const BROKER_ADDRESS = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** The addresses of a comma-separated list, trimmed, and the first that is not `host:port`. */
function splitBrokers(raw: string): { brokers: string[]; malformed?: string } {
  const brokers = raw.split(',').map((broker) => broker.trim());
  return { brokers, malformed: brokers.find((broker) => !BROKER_ADDRESS.test(broker)) };
}

/**
 * A comma-separated `host:port` list (a `KAFKA_BROKERS` setting) as the array kafkajs takes; a
 * MessagingOptionsError naming the setting when it is empty or an address is malformed.
 */
export function parseKafkaBrokers(raw: string | undefined, setting = 'KAFKA_BROKERS'): string[] {
  if (!raw?.trim()) throw new MessagingOptionsError(`${setting} is not set: give at least one broker as host:port`);
  const { brokers, malformed } = splitBrokers(raw);
  if (malformed !== undefined) {
    throw new MessagingOptionsError(`${setting} has "${malformed}", which is not host:port`);
  }
  return brokers;
}

/** `KAFKA_BROKERS` from the environment as a list; a clear error when it is missing or malformed. */
export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return parseKafkaBrokers(env['KAFKA_BROKERS']);
}

/**
 * The rule of a `KAFKA_BROKERS` setting in a service's configuration class: the same list
 * `parseKafkaBrokers` accepts, so a service that starts can always turn it into brokers.
 */
export function IsKafkaBrokerList(): PropertyDecorator {
  return ValidateBy({
    name: 'isKafkaBrokerList',
    validator: {
      // An empty list splits into one empty, malformed address: no separate check needed.
      validate: (value: unknown) => typeof value === 'string' && splitBrokers(value).malformed === undefined,
      defaultMessage: (args) => `${args?.property ?? 'KAFKA_BROKERS'} must be host:port[,host:port]`,
    },
  });
}
