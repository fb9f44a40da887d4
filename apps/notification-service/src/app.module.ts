import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessEventController } from './infrastructure/primary-adapters/events/business.event.controller.js';
import { InvoiceEventController } from './infrastructure/primary-adapters/events/invoice.event.controller.js';
import { UserEventController } from './infrastructure/primary-adapters/events/user.event.controller.js';
import { notificationDataSourceOptions } from './infrastructure/secondary-adapters/persistence/notification-data-source.js';
import { NotificationConfig } from './notification.config.js';
import { notificationQueryControllers, notificationQueryProviders } from './notification-queries.providers.js';
import { notificationProviders } from './notification.providers.js';
import { webhookHttpControllers, webhookProviders } from './webhook.providers.js';

/** The notification-service: its database (migrations run at start-up), the event consumers and the dispatcher. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [NotificationConfig],
      useFactory: (config: NotificationConfig) => ({
        ...notificationDataSourceOptions(config.DATABASE_URL),
        migrationsRun: true,
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
