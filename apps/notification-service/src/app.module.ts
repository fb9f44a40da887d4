import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '@platform/jobs';
import { IdempotentRequestsModule, MessagingModule, parseKafkaBrokers } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { BusinessEventController } from './infrastructure/primary-adapters/events/business.event.controller.js';
import { InvoiceEventController } from './infrastructure/primary-adapters/events/invoice.event.controller.js';
import { notificationRetentionJobs } from './infrastructure/primary-adapters/jobs/retention-jobs.js';
import { UserEventController } from './infrastructure/primary-adapters/events/user.event.controller.js';
import { notificationDataSourceOptions } from './infrastructure/secondary-adapters/persistence/notification-data-source.js';
import { NotificationConfig } from './notification.config.js';
import { notificationQueryControllers, notificationQueryProviders } from './notification-queries.providers.js';
import { notificationProviders } from './notification.providers.js';
import { webhookHttpControllers, webhookProviders } from './webhook.providers.js';

/**
 * The notification-service: its database (migrations run at start-up), the outbox (its erasure
 * confirmations, published from the consumer's transaction), the event consumers, the dispatchers
 * and the retention jobs on the shared runner.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [NotificationConfig],
      useFactory: (config: NotificationConfig) => ({
        ...notificationDataSourceOptions(config.DATABASE_URL),
        migrationsRun: true,
      }),
    }),
    // @IdempotentRoute(): a retry with the same Idempotency-Key gets the first answer (README of @platform/messaging).
    IdempotentRequestsModule.forRoot(),
    MessagingModule.forRootAsync({
      inject: [NotificationConfig],
      useFactory: (config: NotificationConfig) => ({
        service: 'notification-service',
        brokers: parseKafkaBrokers(config.KAFKA_BROKERS),
      }),
    }),
    JobsModule.forRootAsync({
      inject: [NotificationConfig, DataSource],
      useFactory: (config: NotificationConfig, dataSource: DataSource) => ({
        jobs: notificationRetentionJobs(dataSource, config),
        schedule: config.JOBS_ENABLED,
        runRetentionMs: config.RETENTION_JOB_RUNS_DAYS * 86_400_000,
      }),
    }),
  ],
  controllers: [
    UserEventController,
    BusinessEventController,
    InvoiceEventController,
    ...webhookHttpControllers,
    ...notificationQueryControllers,
  ],
  providers: [...notificationProviders, ...webhookProviders, ...notificationQueryProviders],
})
export class AppModule {}
