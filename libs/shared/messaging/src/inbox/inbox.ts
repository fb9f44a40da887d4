import type { EntityManager } from 'typeorm';
import { retentionMetrics } from '../metrics/retention-metrics.js';
import { MessagingTable } from '../schema/messaging-tables.js';

/**
 * Records that `group` applies `eventId`, in the caller's transaction. Returns false when the
 * group applied it before (a redelivery): the caller then skips the handler. Committed together
 * with the handler's effects, the row makes "applied" and "recorded" one fact.
 */
export async function claimInbox(
  manager: EntityManager,
  group: string,
  eventId: string,
  eventType: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO ${MessagingTable.inbox} (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [group, eventId, eventType],
  )) as unknown[];
  return rows.length === 1;
}

/**
 * Forgets events applied longer ago than `retentionMs`. After that a redelivery would be applied
 * again, which is why the DLQ replay refuses events older than the retention unless forced.
 */
export async function purgeInbox(manager: EntityManager, retentionMs: number): Promise<number> {
  const result = (await manager.query(
    `DELETE FROM ${MessagingTable.inbox} WHERE processed_at < now() - make_interval(secs => $1)`,
    [retentionMs / 1000],
  )) as [unknown, number];
  const deleted = result[1] ?? 0;
  if (deleted > 0) retentionMetrics().inc('retention_rows_deleted_total', { table: MessagingTable.inbox }, deleted);
  return deleted;
}
