import type { ServiceOptions } from '@platform/bootstrap';
import { kafkaCheck, migrationsCheck, postgresCheck, type ReadinessCheck } from '@platform/monitoring';
import type { RetryPolicyOptions } from '../consumer/retry-policy.js';
import { eventConsumerCheck } from '../health/event-consumer.check.js';
import { outboxBacklogCheck } from '../health/outbox-backlog.check.js';
import { parseKafkaBrokers } from '../kafka/kafka-brokers.js';
import { createKafkaClient } from '../kafka/kafka-client.js';
import { connectEventConsumer } from './connect-event-consumer.js';
import type { EventServiceConfig, PublishingServiceConfig } from './event-service-config.js';
import type { KafkaEventTransport } from './kafka-event.transport.js';

export interface PublishingServiceOptions<C extends PublishingServiceConfig> extends ServiceOptions<C> {
  /** Readiness checks besides the platform's (PostgreSQL, migrations, Kafka, outbox backlog). */
  readiness?: (config: C) => readonly ReadinessCheck[];
}

export interface EventServiceOptions<C extends EventServiceConfig> extends Omit<ServiceOptions<C>, 'connect'> {
  /** Retries of a failing handler per key before the DLQ (default 5 attempts, 200 ms to 60 s). */
  retry?: RetryPolicyOptions;
  /** Readiness checks besides the platform's (PostgreSQL, migrations, Kafka, outbox backlog, consumer). */
  readiness?: (config: C) => readonly ReadinessCheck[];
}

const DEFAULT_RETRY: RetryPolicyOptions = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 60_000 };

// What every service with a database and an outbox waits for before it is ready.
const publishingChecks = (config: PublishingServiceConfig): ReadinessCheck[] => [
  postgresCheck(),
  migrationsCheck(),
  kafkaCheck({ brokers: parseKafkaBrokers(config.KAFKA_BROKERS) }),
  outboxBacklogCheck(),
];

/**
 * The `runService` options of a service with a database and an outbox that consumes no events: a
 * readiness that waits for PostgreSQL, its migrations, Kafka and an outbox without backlog.
 */
export function publishingServiceOptions<C extends PublishingServiceConfig>(
  options: PublishingServiceOptions<C>,
): ServiceOptions<C> {
  const { readiness, ...service } = options;
  return {
    ...service,
    readiness: (config) => [...publishingChecks(config), ...(readiness?.(config) ?? [])],
  };
}

/**
 * The `runService` options of a service with a database, an outbox and an event consumer: the
 * consumer (inbox, per-key retries, DLQ) connected under the service's name and consumer group, and
 * a readiness that waits for PostgreSQL, its migrations, Kafka, an outbox without backlog and the
 * consumer's partitions. Every such service has the same wiring; only its own parts are given.
 */
export function eventServiceOptions<C extends EventServiceConfig>(options: EventServiceOptions<C>): ServiceOptions<C> {
  const { retry = DEFAULT_RETRY, readiness, ...service } = options;
  let transport: KafkaEventTransport | undefined;
  return {
    ...service,
    connect: (app, config) => {
      transport = connectEventConsumer(app, {
        kafka: createKafkaClient({ brokers: parseKafkaBrokers(config.KAFKA_BROKERS), clientId: service.name }),
        groupId: config.KAFKA_CONSUMER_GROUP,
        sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        retry,
      });
    },
    readiness: (config) => [
      ...publishingChecks(config),
      eventConsumerCheck({ consumer: () => transport?.eventConsumer() }),
      ...(readiness?.(config) ?? []),
    ],
  };
}
