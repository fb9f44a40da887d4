import { jobsMigrations } from '@platform/jobs';
import { idempotentRequestSubscribers, messagingMigrations } from '@platform/messaging';
import type { DataSourceOptions } from 'typeorm';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { CreateAuthTables1795100000000 } from './migrations/1795100000000-create-auth-tables.js';
import { LoginThrottlingWithoutLockout1795200000000 } from './migrations/1795200000000-login-throttling-without-lockout.js';
import { MarkPersonalData1795900000000 } from './migrations/1795900000000-mark-personal-data.js';
import { Erasures1795950000000 } from './migrations/1795950000000-erasures.js';
import { AddRetention1796000000000 } from './migrations/1796000000000-add-retention.js';

/** Every migration of the auth-service's database, in order: the messaging tables, its own, the job runs. */
export const authMigrations = [
  ...messagingMigrations,
  CreateAuthTables1795100000000,
  LoginThrottlingWithoutLockout1795200000000,
  MarkPersonalData1795900000000,
  Erasures1795950000000,
  AddRetention1796000000000,
  // The job runner's table: independent of the others, last so the applied order stays as it was.
  ...jobsMigrations,
];

/** The auth-service's database: its entities and migrations; `synchronize` stays off. */
export function authDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [UserEntity, RefreshTokenEntity],
    migrations: authMigrations,
    // Records the Idempotency-Key of an @IdempotentRoute request with the transaction of its effect.
    subscribers: idempotentRequestSubscribers,
    migrationsTableName: 'migrations',
    synchronize: false,
  };
}
