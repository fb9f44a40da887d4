import { idempotentRequestSubscribers, messagingMigrations } from '@platform/messaging';
import { jobsMigrations } from '@platform/jobs';
import type { DataSourceOptions } from 'typeorm';
import { CreateBusinessTables1796000000000 } from './migrations/1796000000000-create-business-tables.js';
import { CreatePaymentTables1797000000000 } from './migrations/1797000000000-create-payment-tables.js';
import { CreateJobTables1797100000000 } from './migrations/1797100000000-create-job-tables.js';
import { MarkPersonalData1797900000000 } from './migrations/1797900000000-mark-personal-data.js';
import { AddDirectoryErasure1798000000000 } from './migrations/1798000000000-add-directory-erasure.js';
import { AddRetentionIndexes1798100000000 } from './migrations/1798100000000-add-retention-indexes.js';

/** Every migration of the business-service's database, in order: the messaging tables, then its own. */
export const businessMigrations = [
  ...messagingMigrations,
  ...jobsMigrations,
  CreateBusinessTables1796000000000,
  CreatePaymentTables1797000000000,
  CreateJobTables1797100000000,
  MarkPersonalData1797900000000,
  AddDirectoryErasure1798000000000,
  AddRetentionIndexes1798100000000,
];

/**
 * The business-service's database. Repositories speak SQL through the EntityManager of the
 * current transaction, so there are no entities; `synchronize` stays off.
 */
export function businessDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: businessMigrations,
    // Records the Idempotency-Key of an @IdempotentRoute request with the transaction of its effect.
    subscribers: idempotentRequestSubscribers,
    migrationsTableName: 'migrations',
    synchronize: false,
  };
}
