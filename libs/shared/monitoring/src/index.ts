// Nest module and application helpers
export { MonitoringModule, markShuttingDown, getManagementUrl } from './monitoring.module.js';
export { resolveMonitoringOptions, DEFAULT_MANAGEMENT_PORT } from './monitoring-options.js';
export type { MonitoringOptions, ResolvedMonitoringOptions } from './monitoring-options.js';

// Metrics
export { enableDefaultMetrics } from './metrics/default-metrics.js';
export { installHttpMetrics, UNMATCHED_ROUTE } from './metrics/http-metrics.js';
export { instrumentPostgres } from './metrics/postgres-instrumentation.js';
export { observeDatabaseQuery, observeOutgoingHttp, sqlOperation } from './metrics/dependency-metrics.js';
export { defineMetrics } from './metrics/business-metrics.js';
export { PeriodicReading } from './metrics/periodic-reading.js';
export type { PeriodicReadingOptions } from './metrics/periodic-reading.js';
export type {
  BusinessMetrics,
  CounterDefinition,
  GaugeDefinition,
  HistogramDefinition,
  MetricDefinition,
  MetricDefinitions,
  MetricLabels,
} from './metrics/business-metrics.js';
export type { LabelValue } from './metrics/metric-rules.js';

// Readiness checks
export { DEFAULT_CHECK_TIMEOUT_MS } from './health/readiness-check.js';
export type { ReadinessCheck, ReadinessCheckContext, ReadinessDetails } from './health/readiness-check.js';
export type { ManagementRoute, ManagementRouteContext } from './management/management-route.js';
export { postgresCheck } from './health/checks/postgres.check.js';
export type { PostgresCheckOptions } from './health/checks/postgres.check.js';
export { migrationsCheck } from './health/checks/migrations.check.js';
export type { MigrationsCheckOptions } from './health/checks/migrations.check.js';
export { kafkaCheck } from './health/checks/kafka.check.js';
export type { KafkaCheckOptions } from './health/checks/kafka.check.js';
export { redisCheck } from './health/checks/redis.check.js';
export type { RedisCheckOptions } from './health/checks/redis.check.js';
export { httpCheck } from './health/checks/http.check.js';
export type { HttpCheckOptions } from './health/checks/http.check.js';
export { Heartbeat } from './health/checks/heartbeat.js';
export type { HeartbeatOptions } from './health/checks/heartbeat.js';
export { diskCheck } from './health/checks/disk.check.js';
export type { DiskCheckOptions } from './health/checks/disk.check.js';
export { memoryCheck } from './health/checks/memory.check.js';
export type { MemoryCheckOptions } from './health/checks/memory.check.js';
export type { Queryable, InstanceOrToken } from './health/checks/resolve-from-container.js';

// Errors
export { MonitoringError, MONITORING_ERROR_CODES } from './errors.js';
export type { MonitoringErrorCode } from './errors.js';
