import { Histogram, register } from 'prom-client';
import { RequestContext } from '@platform/logging';

// Every metric of the platform registers on prom-client's default registry, so whatever library
// declares it, it appears on the management port's /metrics.

/** Buckets for calls that usually take milliseconds and sometimes seconds. */
const DEPENDENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function histogram<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
  // Reuse on re-import (tests, hot reload): prom-client refuses a second metric of the same name.
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Histogram<L>;
  return new Histogram<L>({ name, help, labelNames, buckets: DEPENDENCY_BUCKETS });
}

const databaseQueryDuration = histogram('db_query_duration_seconds', 'Duration of database queries, by operation', [
  'operation',
] as const);

const outgoingHttpDuration = histogram(
  'http_client_request_duration_seconds',
  'Duration of HTTP calls to other services, by upstream, method and status code',
  ['upstream', 'method', 'status_code'] as const,
);

const OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'begin', 'commit', 'rollback']);

/** The bounded operation label of a SQL statement: its first keyword when known, else `other`. */
export function sqlOperation(sql: string): string {
  const keyword = /^\s*(?:with\s[\s\S]*?\)\s*)?([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? 'other';
  return OPERATIONS.has(keyword) ? keyword : 'other';
}

/** Records one database query: the histogram, and the request's database time for the access log. */
export function observeDatabaseQuery(operation: string, seconds: number): void {
  databaseQueryDuration.observe({ operation }, seconds);
  RequestContext.addDatabaseTime(seconds * 1000);
}

/**
 * Records one call to another service: the histogram, and the request's upstream time for the
 * access log. `statusCode` is the HTTP status, or `error` when no response came back.
 */
export function observeOutgoingHttp(
  upstream: string,
  method: string,
  statusCode: number | 'error',
  seconds: number,
): void {
  outgoingHttpDuration.observe({ upstream, method: method.toUpperCase(), status_code: String(statusCode) }, seconds);
  RequestContext.addUpstreamTime(seconds * 1000);
}
