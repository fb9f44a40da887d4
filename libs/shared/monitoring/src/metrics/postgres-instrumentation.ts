import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { observeDatabaseQuery, sqlOperation } from './dependency-metrics.js';

type QueryCallback = (err: Error | null, result: unknown) => void;
type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

const INSTRUMENTED = Symbol.for('platform.monitoring.pg-instrumented');

// Health probes ping the database every few seconds; their `SELECT 1` would pull the query
// histogram towards zero and hide what the service's own queries cost.
const untimed = new AsyncLocalStorage<true>();

/** Runs `fn` with its queries left out of the query metrics (used by health checks). */
export function withoutQueryMetrics<T>(fn: () => T): T {
  return untimed.run(true, fn);
}

function sqlText(config: unknown): string {
  if (typeof config === 'string') return config;
  const text = (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | undefined)?.then === 'function';
}

/** Wraps a query callback so it records the duration first, in the context of the caller. */
function timedCallback(callback: QueryCallback, record: () => void): QueryCallback {
  // pg calls back from its socket's context, not the caller's; binding the recording to the
  // caller's context is what puts the time on the right request.
  const recordInCallerContext = AsyncResource.bind(record);
  return function (this: unknown, err, result) {
    recordInCallerContext();
    return callback.call(this, err, result);
  };
}

/**
 * Times every query of the `pg` driver (and so of TypeORM and pg.Pool, which go through
 * `pg.Client.prototype.query`) into `db_query_duration_seconds{operation}` and the request's
 * database time. Once per process; later calls do nothing. Pass the driver when the application
 * resolves a different copy of `pg` than this library does.
 */
export function instrumentPostgres(driver: typeof pg = pg): void {
  const prototype = driver.Client.prototype as unknown as Record<PropertyKey, unknown> & { query: Query };
  if (prototype[INSTRUMENTED]) return;
  const original = prototype.query;

  const query: Query = function (this: pg.Client, config, values, callback) {
    // Streams and cursors (objects with `submit`) report progress by events, not by one answer:
    // they pass through untimed rather than timed wrongly.
    if (
      untimed.getStore() ||
      config === null ||
      config === undefined ||
      typeof (config as { submit?: unknown }).submit === 'function'
    ) {
      return original.call(this, config, values, callback);
    }
    const operation = sqlOperation(sqlText(config));
    const started = performance.now();
    const record = () => observeDatabaseQuery(operation, (performance.now() - started) / 1000);

    if (typeof values === 'function') {
      return original.call(this, config, timedCallback(values as QueryCallback, record), callback);
    }
    if (typeof callback === 'function') {
      return original.call(this, config, values, timedCallback(callback as QueryCallback, record));
    }
    const ownCallback = typeof config === 'object' ? (config as { callback?: unknown }).callback : undefined;
    if (typeof ownCallback === 'function') {
      // A copy, so that a config object the caller reuses is not wrapped again on every call.
      const timedConfig = { ...(config as object), callback: timedCallback(ownCallback as QueryCallback, record) };
      return original.call(this, timedConfig, values);
    }

    const result = original.call(this, config, values);
    // A side branch, not a replacement: the caller gets pg's own promise, rejections included.
    if (isPromise(result)) result.then(record, record);
    return result;
  };

  Object.defineProperty(prototype, 'query', { value: query, writable: true, configurable: true });
  Object.defineProperty(prototype, INSTRUMENTED, { value: true });
}
