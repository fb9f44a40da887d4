import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, parseKafkaBrokers } from '@platform/messaging';
import { BusinessEventController } from './infrastructure/primary-adapters/events/business.event.controller.js';
import { InvoiceEventController } from './infrastructure/primary-adapters/events/invoice.event.controller.js';
import { UserEventController } from './infrastructure/primary-adapters/events/user.event.controller.js';
import { notificationDataSourceOptions } from './infrastructure/secondary-adapters/persistence/notification-data-source.js';
import { NotificationConfig } from './notification.config.js';
import { notificationQueryControllers, notificationQueryProviders } from './notification-queries.providers.js';
import { notificationProviders } from './notification.providers.js';
import { webhookHttpControllers, webhookProviders } from './webhook.providers.js';

/**
 * The notification-service: its database (migrations run at start-up), the outbox (its erasure
 * confirmations, published from the consumer's transaction), the event consumers and the dispatchers.
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
    MessagingModule.forRootAsync({
      inject: [NotificationConfig],
      useFactory: (config: NotificationConfig) => ({
        service: 'notification-service',
        brokers: parseKafkaBrokers(config.KAFKA_BROKERS),
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
