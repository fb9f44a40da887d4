import { defineMetrics } from '@platform/monitoring';

/**
 * Rows deleted by retention rules, by table. Declared the same way wherever rows are pruned (the
 * retention jobs here, the outbox relay and inbox purge in @platform/messaging): `defineMetrics`
 * returns the one counter for an identical declaration. Table names come from code: bounded.
 */
export const retentionMetrics = defineMetrics({
  retention_rows_deleted_total: {
    kind: 'counter',
    help: 'Rows deleted by retention rules (past their keep period), by table',
    labelNames: ['table'],
  },
});
