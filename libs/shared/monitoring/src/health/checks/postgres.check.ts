import { DataSource } from 'typeorm';
import type { ReadinessCheck } from '../readiness-check.js';
import { isQueryable, resolveFromContainer, type InstanceOrToken, type Queryable } from './resolve-from-container.js';

/** Options of {@link postgresCheck}. */
export interface PostgresCheckOptions {
  /** Key in health bodies; default `postgres`. */
  name?: string;
  /** What to ping: a DataSource, pg.Pool or pg.Client, or its DI token; default TypeORM's DataSource. */
  database?: InstanceOrToken<Queryable>;
  /** Milliseconds before the check counts as down; default 3000. */
  timeoutMs?: number;
}

/** Readiness of PostgreSQL: a `SELECT 1` round trip, whose time is the reported latency. */
export function postgresCheck(options: PostgresCheckOptions = {}): ReadinessCheck {
  const source = options.database ?? DataSource;
  return {
    name: options.name ?? 'postgres',
    timeoutMs: options.timeoutMs,
    async check({ moduleRef }) {
      await resolveFromContainer(moduleRef, source, isQueryable).query('SELECT 1');
    },
  };
}
