import type { DataSource } from 'typeorm';
import type { ClaimableNotifications } from '../../../application/ports/claimable-notifications.port.js';
import type { ClaimedNotification } from '../../../domain/notification.js';
import { noUnfinishedPredecessor } from './notification-order.js';

interface ClaimedRow {
  id: string;
  event_id: string;
  event_type: string;
  occurred_at: Date;
  channel: ClaimedNotification['channel'];
  template: ClaimedNotification['template'];
  category: ClaimedNotification['category'];
  recipient: string;
  recipient_name: string | null;
  data: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  trace_context: Record<string, string> | null;
}

/** The dispatcher's claims and outcomes, each its own short transaction on the service's DataSource. */
export class PostgresClaimableNotifications implements ClaimableNotifications {
  constructor(private readonly dataSource: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    // SKIP LOCKED: rows another instance is claiming right now are left to it, not waited for. A row
    // waits for the earlier notifications of its key (notification-order.ts).
    const result = (await this.dataSource.query(
      `UPDATE notifications n
          SET status = 'sending', attempts = n.attempts + 1,
              locked_until = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
        WHERE n.id IN (
          SELECT id FROM notifications candidate
           WHERE channel = 'email'
             AND ((status IN ('queued', 'retrying') AND next_attempt_at <= now())
                  OR (status = 'sending' AND locked_until < now()))
             AND ${noUnfinishedPredecessor('candidate')}
           ORDER BY next_attempt_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.event_id, n.event_type, n.occurred_at, n.channel, n.template, n.category, n.recipient,
                  n.recipient_name, n.data, n.attempts, n.created_at, n.trace_context`,
      [limit, leaseMs],
    )) as [ClaimedRow[], number];
    return result[0].map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      occurredAt: new Date(row.occurred_at),
      channel: row.channel,
      template: row.template,
      category: row.category,
      recipient: row.recipient,
      recipientName: row.recipient_name,
      data: row.data,
      attempts: row.attempts,
      createdAt: new Date(row.created_at),
      traceContext: row.trace_context ?? {},
    }));
  }

  async markSent(id: string, attempts: number, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = $3, locked_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempts, at],
    );
  }

  async markRetrying(id: string, attempts: number, error: string, retryAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'retrying', last_error = $3, next_attempt_at = $4, locked_until = NULL,
              updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempts, error, retryAt],
    );
  }

  async markFailed(id: string, attempts: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed', last_error = $3, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempts, error],
    );
  }
}
