import { defineMetrics } from '@platform/monitoring';

/**
 * Rows the outbox relay and the inbox purge delete past their retention, in the platform-wide
 * `retention_rows_deleted_total{table}` that @platform/jobs' retention rules count in too. The
 * declaration is the same as there, so `defineMetrics` hands both the one counter.
 */
export function retentionMetrics() {
  return defineMetrics({
    retention_rows_deleted_total: {
      kind: 'counter',
      help: 'Rows deleted by retention rules (past their keep period), by table',
      labelNames: ['table'],
    },
  });
}
