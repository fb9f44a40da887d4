import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { gatewayIdentityProviders } from '@platform/identity';
import { MessagingModule, parseKafkaBrokers } from '@platform/messaging';
import { AuthConfig } from './auth.config.js';
import { ErasureCompletedEventController } from './infrastructure/primary-adapters/events/erasure-completed.event.controller.js';
import { AdminErasuresHttpController } from './infrastructure/primary-adapters/http/admin-erasures.http.controller.js';
import { AdminUsersHttpController } from './infrastructure/primary-adapters/http/admin-users.http.controller.js';
import { EraseMeHttpController } from './infrastructure/primary-adapters/http/erase-me.http.controller.js';
import { JwksHttpController } from './infrastructure/primary-adapters/http/jwks.http.controller.js';
import { MeHttpController } from './infrastructure/primary-adapters/http/me.http.controller.js';
import { SessionHttpController } from './infrastructure/primary-adapters/http/session.http.controller.js';
import { authProviders } from './auth.providers.js';
import { LoginThrottleCleanupJob } from './infrastructure/primary-adapters/jobs/login-throttle-cleanup.job.js';
import { authDataSourceOptions } from './infrastructure/secondary-adapters/persistence/auth-data-source.js';

/**
 * The auth-service: its database (migrations run at start-up), the outbox, the use cases, their
 * HTTP adapters and the consumer of the services' erasure confirmations.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => ({ ...authDataSourceOptions(config.DATABASE_URL), migrationsRun: true }),
    }),
    MessagingModule.forRootAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => ({
        service: 'auth-service',
        brokers: parseKafkaBrokers(config.KAFKA_BROKERS),
      }),
    }),
  ],
  controllers: [
    SessionHttpController,
    MeHttpController,
    EraseMeHttpController,
    AdminUsersHttpController,
    AdminErasuresHttpController,
    JwksHttpController,
    ErasureCompletedEventController,
  ],
  providers: [...authProviders, ...gatewayIdentityProviders(AuthConfig), LoginThrottleCleanupJob],
})
export class AppModule {}
