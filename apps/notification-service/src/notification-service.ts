import type { ServiceOptions } from '@platform/bootstrap';
import {
  connectEventConsumer,
  createKafkaClient,
  eventConsumerCheck,
  outboxBacklogCheck,
  parseKafkaBrokers,
  type KafkaEventTransport,
} from '@platform/messaging';
import { jobsHealthCheck, jobsStatusRoute } from '@platform/jobs';
import { kafkaCheck, migrationsCheck, postgresCheck } from '@platform/monitoring';
import { AppModule } from './app.module.js';
import { NotificationConfig } from './notification.config.js';

/**
 * How the notification-service runs: its module, settings, the event consumer (inbox, per-key
 * retries, DLQ) and readiness, which waits for the consumer and an outbox without backlog too.
 * `main.ts` runs it; tests start it in-process.
 */
export function notificationServiceOptions(): ServiceOptions<NotificationConfig> {
  let transport: KafkaEventTransport | undefined;
  return {
    name: 'notification-service',
    module: AppModule,
    config: NotificationConfig,
    connect: (app, config) => {
      transport = connectEventConsumer(app, {
        kafka: createKafkaClient({
          brokers: parseKafkaBrokers(config.KAFKA_BROKERS),
          clientId: 'notification-service',
        }),
        groupId: config.KAFKA_CONSUMER_GROUP,
        retry: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 60_000 },
      });
    },
    readiness: (config) => [
      postgresCheck(),
      migrationsCheck(),
      kafkaCheck({ brokers: parseKafkaBrokers(config.KAFKA_BROKERS) }),
      outboxBacklogCheck(),
      eventConsumerCheck({ consumer: () => transport?.eventConsumer() }),
    ],
    // Stale jobs show in /health details, never in readiness; GET /jobs/status on the management port.
    informational: () => [jobsHealthCheck()],
    managementRoutes: () => [jobsStatusRoute()],
  };
}
