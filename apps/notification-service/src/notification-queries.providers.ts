import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListNotificationsUseCase } from './application/list-notifications.use-case.js';
import { NotificationPreferencesUseCase } from './application/notification-preferences.use-case.js';
import { BusinessNotificationsHttpController } from './infrastructure/primary-adapters/http/business-notifications.http.controller.js';
import { MyNotificationsHttpController } from './infrastructure/primary-adapters/http/my-notifications.http.controller.js';
import { NotificationPreferencesHttpController } from './infrastructure/primary-adapters/http/notification-preferences.http.controller.js';
import { UnsubscribeHttpController } from './infrastructure/primary-adapters/http/unsubscribe.http.controller.js';
import { PostgresNotificationPreferences } from './infrastructure/secondary-adapters/persistence/postgres-notification-preferences.js';
import { PostgresNotificationReads } from './infrastructure/secondary-adapters/persistence/postgres-notification-reads.js';
import { NotificationConfig } from './notification.config.js';

/** The public read and preference routes, for AppModule's `controllers` (identity providers come with the webhook ones). */
export const notificationQueryControllers = [
  MyNotificationsHttpController,
  BusinessNotificationsHttpController,
  NotificationPreferencesHttpController,
  UnsubscribeHttpController,
];

/** Use cases of the lists, preferences and unsubscribe links, on this service's own tables. */
export const notificationQueryProviders: Provider[] = [
  {
    provide: ListNotificationsUseCase,
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => new ListNotificationsUseCase(new PostgresNotificationReads(dataSource)),
  },
  {
    provide: NotificationPreferencesUseCase,
    inject: [DataSource, NotificationConfig],
    useFactory: (dataSource: DataSource, config: NotificationConfig) =>
      new NotificationPreferencesUseCase(
        new PostgresNotificationReads(dataSource),
        new PostgresNotificationPreferences(dataSource),
        config.UNSUBSCRIBE_SIGNING_KEY,
      ),
  },
];
