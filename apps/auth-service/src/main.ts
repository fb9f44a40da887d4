// auth-service: users, credentials, tokens and JWKS. Started with
// `node --import ./libs/shared/observability/src/register.mjs apps/auth-service/src/main.ts`
// (tracing is registered before anything else loads).
import { runService } from '@platform/bootstrap';
import { outboxBacklogCheck, parseKafkaBrokers } from '@platform/messaging';
import { kafkaCheck, migrationsCheck, postgresCheck } from '@platform/monitoring';
import { AppModule } from './app.module.js';
import { AuthConfig } from './auth.config.js';

await runService({
  name: 'auth-service',
  module: AppModule,
  config: AuthConfig,
  readiness: (config) => [
    postgresCheck(),
    migrationsCheck(),
    kafkaCheck({ brokers: parseKafkaBrokers(config.KAFKA_BROKERS) }),
    outboxBacklogCheck(),
  ],
});
