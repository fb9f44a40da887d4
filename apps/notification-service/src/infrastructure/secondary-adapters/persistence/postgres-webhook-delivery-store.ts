import { v7 as uuidv7 } from 'uuid';
import type { DataSource } from 'typeorm';
import type {
  AttemptRecord,
  ClaimedWebhookDelivery,
  DisableTransaction,
  WebhookDeliveryStore,
  WebhookMessage,
} from '../../../application/ports/webhook-deliveries.port.js';
import type { DisabledReason, WebhookEndpoint } from '../../../domain/webhook-endpoint.js';
import type { AesSecretBox } from '../webhooks/aes-secret-box.js';
import { PostgresNotificationQueue } from './postgres-notification-queue.js';
import { PostgresRecipientDirectory } from './postgres-recipient-directory.js';
import { endpointColumns, toEndpoint, type EndpointRow } from './webhook-endpoint-rows.js';
import { noUnfinishedPredecessor } from './notification-order.js';

interface ClaimedRow {
  id: string;
  event_id: string;
  template: string;
  occurred_at: Date;
  data: WebhookMessage;
  attempts: number;
  endpoint_id: string | null;
  business_id: string | null;
  url: string | null;
  enabled: boolean | null;
  secret_sealed: string | null;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
}

/** The webhook dispatcher's claims and records, each a short transaction on the service's DataSource. */
export class PostgresWebhookDeliveryStore implements WebhookDeliveryStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: AesSecretBox,
  ) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedWebhookDelivery[]> {
    // SKIP LOCKED: rows another instance is claiming are left to it; attempts + 1 is this attempt. A
    // delivery waits for the earlier deliveries of its key to the endpoint (notification-order.ts).
    const rows = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE notifications n
            SET status = 'sending', attempts = n.attempts + 1,
                locked_until = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
          WHERE n.id IN (
            SELECT id FROM notifications candidate
             WHERE channel = 'webhook'
               AND ((status IN ('queued', 'retrying') AND next_attempt_at <= now())
                    OR (status = 'sending' AND locked_until < now()))
               AND ${noUnfinishedPredecessor('candidate')}
             ORDER BY next_attempt_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
          RETURNING n.id, n.event_id, n.template, n.occurred_at, n.data, n.attempts, n.recipient)
       SELECT c.id, c.event_id, c.template, c.occurred_at, c.data, c.attempts, e.id AS endpoint_id, e.business_id,
              e.url, e.enabled, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at
         FROM claimed c LEFT JOIN webhook_endpoints e ON e.id::text = c.recipient`,
      [limit, leaseMs],
    )) as ClaimedRow[];
    // (A statement that ends in SELECT answers rows; a bare UPDATE would answer [rows, count].)
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      type: row.template,
      occurredAt: new Date(row.occurred_at),
      message: row.data,
      attempts: row.attempts,
      endpoint:
        row.endpoint_id === null
          ? null
          : {
              id: row.endpoint_id,
              businessId: row.business_id ?? '',
              url: row.url ?? '',
              enabled: row.enabled === true,
            },
      secrets:
        row.secret_sealed === null
          ? null
          : {
              current: this.secrets.open(row.secret_sealed),
              previous: row.previous_secret_sealed === null ? null : this.secrets.open(row.previous_secret_sealed),
              previousExpiresAt: row.previous_secret_expires_at && new Date(row.previous_secret_expires_at),
            },
    }));
  }

  async record(attempt: AttemptRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, updated] = (await manager.query(
        `UPDATE notifications
            SET status = $3, last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), locked_until = NULL,
                sent_at = CASE WHEN $3 = 'sent' THEN $6 ELSE sent_at END, updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2`,
        [attempt.deliveryId, attempt.attempt, attempt.status, attempt.error, attempt.nextAttemptAt, attempt.at],
      )) as [unknown, number];
      // The lease ran out and another sender took over: its record wins, ours is still an attempt made.
      await manager.query(
        `INSERT INTO webhook_attempts (id, notification_id, endpoint_id, attempt, attempted_at, outcome, response_status,
                                       latency_ms, response_body, error, next_attempt_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
          WHERE EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = $3)`,
        [
          uuidv7(),
          attempt.deliveryId,
          attempt.endpointId,
          attempt.attempt,
          attempt.at,
          attempt.outcome,
          attempt.responseStatus,
          attempt.latencyMs,
          attempt.responseBody,
          attempt.error,
          updated === 1 ? attempt.nextAttemptAt : null,
        ],
      );
    });
  }

  async abandon(deliveryId: string, attempts: number, reason: string): Promise<void> {
    await this.dataSource.query(
      // The claim counted an attempt that was never made.
      `UPDATE notifications SET status = 'failed', last_error = $3, attempts = attempts - 1, locked_until = NULL,
              updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [deliveryId, attempts, reason],
    );
  }

  async noteSuccess(endpointId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`,
      [endpointId],
    );
  }

  async noteFailure(endpointId: string, at: Date): Promise<Date> {
    const [rows] = (await this.dataSource.query(
      `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2) WHERE id = $1 RETURNING failing_since`,
      [endpointId, at],
    )) as [{ failing_since: Date }[], number];
    return rows[0] ? new Date(rows[0].failing_since) : at;
  }

  async disable(
    endpointId: string,
    reason: DisabledReason,
    at: Date,
    andThen: (tx: DisableTransaction, endpoint: WebhookEndpoint) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, disabled_at = $3, updated_at = now()
          WHERE id = $1 AND enabled
          RETURNING ${endpointColumns()}`,
        [endpointId, reason, at],
      )) as [EndpointRow[], number];
      const row = rows[0];
      if (!row) return false;
      await andThen(
        { directory: new PostgresRecipientDirectory(manager), notifications: new PostgresNotificationQueue(manager) },
        toEndpoint(row),
      );
      return true;
    });
  }
}
