import { jobsMigrations } from '@platform/jobs';
import { idempotentRequestSubscribers, messagingMigrations } from '@platform/messaging';
import type { DataSourceOptions } from 'typeorm';
import { CreateNotificationTables1798000000000 } from './migrations/1798000000000-create-notification-tables.js';
import { CreateWebhookTables1798100000000 } from './migrations/1798100000000-create-webhook-tables.js';
import { AddNotificationTraceContext1798200000000 } from './migrations/1798200000000-add-notification-trace-context.js';
import { AddMemberRemovals1798300000000 } from './migrations/1798300000000-add-member-removals.js';
import { MarkPersonalData1798900000000 } from './migrations/1798900000000-mark-personal-data.js';
import { CreateErasedUsers1799000000000 } from './migrations/1799000000000-create-erased-users.js';
import { AddRetention1799100000000 } from './migrations/1799100000000-add-retention.js';
import { AddNotificationOrderKey1799200000000 } from './migrations/1799200000000-add-notification-order-key.js';

/** Every migration of the notification-service's database, in order: the messaging and job tables, then its own. */
export const notificationMigrations = [
  ...messagingMigrations,
  ...jobsMigrations,
  CreateNotificationTables1798000000000,
  CreateWebhookTables1798100000000,
  AddNotificationTraceContext1798200000000,
  AddMemberRemovals1798300000000,
  MarkPersonalData1798900000000,
  CreateErasedUsers1799000000000,
  AddRetention1799100000000,
  AddNotificationOrderKey1799200000000,
];

/** The notification-service's database: SQL through the EntityManager of the current transaction, no entities. */
export function notificationDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: notificationMigrations,
    // Records the Idempotency-Key of an @IdempotentRoute request with the transaction of its effect.
    subscribers: idempotentRequestSubscribers,
    migrationsTableName: 'migrations',
    synchronize: false,
  };
}
