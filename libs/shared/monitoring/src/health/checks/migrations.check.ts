import { DataSource, InstanceChecker, MigrationExecutor } from 'typeorm';
import type { ReadinessCheck } from '../readiness-check.js';
import { resolveFromContainer, type InstanceOrToken } from './resolve-from-container.js';

/** Options of {@link migrationsCheck}. */
export interface MigrationsCheckOptions {
  /** Key in health bodies; default `migrations`. */
  name?: string;
  /** The TypeORM DataSource whose migrations must be applied, or its DI token; default `DataSource`. */
  dataSource?: InstanceOrToken<DataSource>;
  /** Milliseconds before the check counts as down; default 3000. */
  timeoutMs?: number;
}

// TypeORM's own brand check, which holds across two copies of the package, unlike instanceof.
function isDataSource(value: unknown): value is DataSource {
  return InstanceChecker.isDataSource(value);
}

/**
 * Readiness of the schema: down while any migration the DataSource knows is not recorded in its
 * migrations table, so a pod never serves on a schema older than its code.
 */
export function migrationsCheck(options: MigrationsCheckOptions = {}): ReadinessCheck {
  const source = options.dataSource ?? DataSource;
  return {
    name: options.name ?? 'migrations',
    timeoutMs: options.timeoutMs,
    async check({ moduleRef }) {
      const dataSource = resolveFromContainer(moduleRef, source, isDataSource);
      // Read-only, unlike showMigrations(), which creates the migrations table when it is missing.
      const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
      if (pending.length > 0) {
        throw new Error(`${pending.length} pending migration(s): ${pending.map((m) => m.name).join(', ')}`);
      }
      return { known: dataSource.migrations.length, pending: 0 };
    },
  };
}
