import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { gatewayIdentityProviders } from '@platform/identity';
import { JobsModule } from '@platform/jobs';
import { IdempotentRequestsModule, MessagingModule, parseKafkaBrokers } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { AuthConfig } from './auth.config.js';
import { ErasureCompletedEventController } from './infrastructure/primary-adapters/events/erasure-completed.event.controller.js';
import { AdminErasuresHttpController } from './infrastructure/primary-adapters/http/admin-erasures.http.controller.js';
import { AdminUsersHttpController } from './infrastructure/primary-adapters/http/admin-users.http.controller.js';
import { EraseMeHttpController } from './infrastructure/primary-adapters/http/erase-me.http.controller.js';
import { JwksHttpController } from './infrastructure/primary-adapters/http/jwks.http.controller.js';
import { MeHttpController } from './infrastructure/primary-adapters/http/me.http.controller.js';
import { SessionHttpController } from './infrastructure/primary-adapters/http/session.http.controller.js';
import { authProviders } from './auth.providers.js';
import { authRetentionJobs } from './infrastructure/primary-adapters/jobs/retention-jobs.js';
import { authDataSourceOptions } from './infrastructure/secondary-adapters/persistence/auth-data-source.js';

/**
 * The auth-service: its database (migrations run at start-up), the outbox, the use cases, their
 * HTTP adapters, the consumer of the services' erasure confirmations and the retention jobs.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => ({ ...authDataSourceOptions(config.DATABASE_URL), migrationsRun: true }),
    }),
    // @IdempotentRoute(): a retry with the same Idempotency-Key gets the first answer (README of @platform/messaging).
    IdempotentRequestsModule.forRoot(),
    MessagingModule.forRootAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => ({
        service: 'auth-service',
        brokers: parseKafkaBrokers(config.KAFKA_BROKERS),
      }),
    }),
    JobsModule.forRootAsync({
      inject: [AuthConfig, DataSource],
      useFactory: (config: AuthConfig, dataSource: DataSource) => ({
        jobs: authRetentionJobs(dataSource, config),
        schedule: config.JOBS_ENABLED,
        runRetentionMs: config.RETENTION_JOB_RUNS_DAYS * 86_400_000,
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
  providers: [...authProviders, ...gatewayIdentityProviders(AuthConfig)],
})
export class AppModule {}
