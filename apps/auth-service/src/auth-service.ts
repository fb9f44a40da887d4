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
import { AuthConfig } from './auth.config.js';

/**
 * How the auth-service runs: its module, settings, the event consumer of the services' erasure
 * confirmations (inbox, per-key retries, DLQ) and readiness, which waits for the consumer too.
 * `main.ts` runs it; tests start it in-process.
 */
export function authServiceOptions(): ServiceOptions<AuthConfig> {
  let transport: KafkaEventTransport | undefined;
  return {
    name: 'auth-service',
    module: AppModule,
    config: AuthConfig,
    connect: (app, config) => {
      transport = connectEventConsumer(app, {
        kafka: createKafkaClient({ brokers: parseKafkaBrokers(config.KAFKA_BROKERS), clientId: 'auth-service' }),
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
