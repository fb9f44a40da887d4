import { MONITORING_ERROR_CODES, MonitoringError } from './errors.js';
import type { ReadinessCheck } from './health/readiness-check.js';
import type { ManagementRoute } from './management/management-route.js';

/** How `MonitoringModule.forRoot` is configured; every field has a default. */
export interface MonitoringOptions {
  /** Port of /metrics and /health*; default `MANAGEMENT_PORT`, else 9464. 0 picks a free port (tests). */
  managementPort?: number;
  /** Interface the management server binds; default `MANAGEMENT_HOST`, else `0.0.0.0`. */
  managementHost?: string;
  /** Dependencies readiness waits for, in the order they are shown. */
  readiness?: readonly ReadinessCheck[];
  /**
   * Checks shown in `GET /health` details only, after the readiness ones: a failing one is listed
   * as down with its message but never turns `/health` or `/health/ready` to 503 (stale jobs...).
   */
  informational?: readonly ReadinessCheck[];
  /** Extra read-only JSON routes of the management server (`GET /jobs/status`...). */
  managementRoutes?: readonly ManagementRoute[];
  /** RED metrics on the application's Fastify routes; default true. */
  httpMetrics?: boolean;
  /** prom-client's process metrics; default true. */
  defaultMetrics?: boolean;
  /** Time every `pg` query into `db_query_duration_seconds`; default true. */
  postgresMetrics?: boolean;
}

/** The options with defaults applied and validated. */
export interface ResolvedMonitoringOptions {
  managementPort: number;
  managementHost: string;
  readiness: readonly ReadinessCheck[];
  informational: readonly ReadinessCheck[];
  managementRoutes: readonly ManagementRoute[];
  httpMetrics: boolean;
  defaultMetrics: boolean;
  postgresMetrics: boolean;
}

/** DI token of the resolved options. */
export const MONITORING_OPTIONS = Symbol('MONITORING_OPTIONS');

/** The default management port: the one OpenTelemetry's Prometheus exporter uses. */
export const DEFAULT_MANAGEMENT_PORT = 9464;

const CHECK_NAME = /^[a-z0-9][a-z0-9_-]*$/;

function invalid(message: string): never {
  throw new MonitoringError(MONITORING_ERROR_CODES.invalidConfiguration, message);
}

function port(value: number | undefined, env: string | undefined): number {
  if (value !== undefined) {
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      invalid(`managementPort must be an integer from 0 to 65535, got ${value}`);
    }
    return value;
  }
  if (env === undefined || env.trim() === '') return DEFAULT_MANAGEMENT_PORT;
  const parsed = /^\d{1,5}$/.test(env.trim()) ? Number(env.trim()) : NaN;
  if (!(parsed >= 0 && parsed <= 65535)) invalid(`MANAGEMENT_PORT must be an integer from 0 to 65535, got "${env}"`);
  return parsed;
}

// The management server's own paths, which a route may not take or shadow.
const RESERVED_PATH = /^\/(?:metrics|health)(?:\/|$)/;
const ROUTE_PATH = /^(?:\/[a-z0-9][a-z0-9_-]*)+$/;

function routes(list: readonly ManagementRoute[]): readonly ManagementRoute[] {
  const paths = new Set<string>();
  for (const route of list) {
    if (!route || typeof route.handle !== 'function') invalid('every management route must have a handle() function');
    if (typeof route.path !== 'string' || !ROUTE_PATH.test(route.path)) {
      invalid(`management route path "${String(route.path)}" must be like /jobs/status (lower-case segments)`);
    }
    if (RESERVED_PATH.test(route.path)) invalid(`management route path "${route.path}" is the library's own`);
    if (paths.has(route.path)) invalid(`two management routes have the path "${route.path}"`);
    paths.add(route.path);
  }
  return [...list];
}

/** Validates checks; names are unique across readiness and informational checks (one health body). */
function checks(
  list: readonly ReadinessCheck[],
  kind: 'readiness' | 'informational',
  names: Set<string>,
): readonly ReadinessCheck[] {
  for (const check of list) {
    if (!check || typeof check.check !== 'function') invalid(`every ${kind} entry must have a check() function`);
    if (typeof check.name !== 'string' || !CHECK_NAME.test(check.name)) {
      invalid(`${kind} check name "${String(check.name)}" must be lower-case letters, digits, "-" and "_"`);
    }
    if (names.has(check.name)) invalid(`two ${kind} checks are named "${check.name}"`);
    names.add(check.name);
    if (check.timeoutMs !== undefined && !(Number.isFinite(check.timeoutMs) && check.timeoutMs > 0)) {
      invalid(`${kind} check "${check.name}": timeoutMs must be a positive number`);
    }
  }
  return [...list];
}

/** Applies defaults and the environment (`MANAGEMENT_PORT`, `MANAGEMENT_HOST`), refusing bad values. */
export function resolveMonitoringOptions(
  options: MonitoringOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): ResolvedMonitoringOptions {
  const host = options.managementHost ?? (env['MANAGEMENT_HOST']?.trim() || '0.0.0.0');
  if (typeof host !== 'string' || host.trim() === '') invalid('managementHost must be a host name or an IP address');
  const names = new Set<string>();
  return {
    managementPort: port(options.managementPort, env['MANAGEMENT_PORT']),
    managementHost: host,
    readiness: checks(options.readiness ?? [], 'readiness', names),
    informational: checks(options.informational ?? [], 'informational', names),
    managementRoutes: routes(options.managementRoutes ?? []),
    httpMetrics: options.httpMetrics ?? true,
    defaultMetrics: options.defaultMetrics ?? true,
    postgresMetrics: options.postgresMetrics ?? true,
  };
}
