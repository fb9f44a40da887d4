import { injectTraceContext } from '@platform/observability';
import type { EntityManager } from 'typeorm';
import type { NotificationQueue } from '../../../application/ports/notification-queue.port.js';
import type { Category, NewNotification } from '../../../domain/notification.js';
import { isErased } from './erased-users.js';

/**
 * Notifications written through the consumer's transaction; the unique key drops a redelivered
 * event's, the erased-users tombstone those to an erased user.
 */
export class PostgresNotificationQueue implements NotificationQueue {
  constructor(private readonly manager: EntityManager) {}

  async queue(notifications: readonly NewNotification[]): Promise<NewNotification[]> {
    const inserted: NewNotification[] = [];
    for (const n of notifications) {
      // Owner notes and endpoint notices find their user in the read models, which an erasure may be
      // emptying right now: checked while holding the user, so the erasure deletes it or it is not written.
      if (n.userId && (await isErased(this.manager, n.userId))) continue;
      const rows = (await this.manager.query(
        `INSERT INTO notifications (id, event_id, event_type, occurred_at, channel, template, category, recipient,
                                    recipient_name, user_id, business_id, data, status, attempts,
                                    next_attempt_at, created_at, updated_at, trace_context, order_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, now(), now(), now(), $14, $15)
         ON CONFLICT ON CONSTRAINT notifications_once_per_event DO NOTHING
         RETURNING id`,
        [
          n.id,
          n.eventId,
          n.eventType,
          n.occurredAt,
          n.channel,
          n.template,
          n.category,
          n.recipient,
          n.recipientName,
          n.userId,
          n.businessId,
          JSON.stringify(n.data),
          n.status,
          // The consuming span's context: the later SMTP send continues this trace.
          JSON.stringify(injectTraceContext({})),
          n.orderKey,
        ],
      )) as { id: string }[];
      if (rows.length === 1) inserted.push(n);
    }
    return inserted;
  }

  async isUnsubscribed(recipient: string, category: Category): Promise<boolean> {
    const rows = (await this.manager.query(
      `SELECT 1 FROM notification_preferences WHERE recipient = $1 AND category = $2`,
      [recipient, category],
    )) as unknown[];
    return rows.length > 0;
  }
}
