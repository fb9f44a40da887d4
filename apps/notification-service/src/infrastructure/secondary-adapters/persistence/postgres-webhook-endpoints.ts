import type { DataSource } from 'typeorm';
import type {
  WebhookAttemptView,
  WebhookDeliveryView,
  WebhookEndpointRepository,
} from '../../../application/ports/webhook-endpoints.port.js';
import type { AttemptOutcome } from '../../../domain/webhook-attempt.js';
import type { WebhookEndpoint } from '../../../domain/webhook-endpoint.js';
import type { AesSecretBox } from '../webhooks/aes-secret-box.js';
import { endpointColumns, toEndpoint, type EndpointRow } from './webhook-endpoint-rows.js';

interface DeliveryRow {
  id: string;
  event_id: string;
  template: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  sent_at: Date | null;
  attempt_log: {
    attempt: number;
    attempted_at: string;
    outcome: AttemptOutcome;
    response_status: number | null;
    latency_ms: number;
    response_body: string | null;
    error: string | null;
    next_attempt_at: string | null;
  }[];
}

const DELIVERY_SELECT = `
  SELECT n.id, n.event_id, n.template, n.status, n.attempts, n.last_error, n.next_attempt_at, n.created_at, n.sent_at,
         COALESCE((SELECT json_agg(a ORDER BY a.attempted_at DESC, a.attempt DESC)
                     FROM (SELECT attempt, attempted_at, outcome, response_status, latency_ms, response_body, error,
                                  next_attempt_at
                             FROM webhook_attempts WHERE notification_id = n.id
                            ORDER BY attempted_at DESC, attempt DESC LIMIT 20) a), '[]') AS attempt_log
    FROM notifications n`;

function toDelivery(row: DeliveryRow): WebhookDeliveryView {
  const pending = ['queued', 'retrying', 'sending'].includes(row.status);
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.template,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: pending ? new Date(row.next_attempt_at) : null,
    createdAt: new Date(row.created_at),
    deliveredAt: row.sent_at && new Date(row.sent_at),
    attemptLog: row.attempt_log.map((a): WebhookAttemptView => ({
      attempt: a.attempt,
      attemptedAt: new Date(a.attempted_at),
      outcome: a.outcome,
      responseStatus: a.response_status,
      latencyMs: a.latency_ms,
      responseBody: a.response_body,
      error: a.error,
      nextAttemptAt: a.next_attempt_at === null ? null : new Date(a.next_attempt_at),
    })),
  };
}

/** Webhook endpoints and their deliveries in PostgreSQL; secrets sealed by the secret box. */
export class PostgresWebhookEndpoints implements WebhookEndpointRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: AesSecretBox,
  ) {}

  async roleOf(businessId: string, userId: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT role FROM known_business_members WHERE business_id = $1 AND user_id = $2 AND removed_at IS NULL`,
      [businessId, userId],
    )) as { role: string }[];
    return rows[0]?.role;
  }

  async countOf(businessId: string): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_endpoints WHERE business_id = $1`,
      [businessId],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  async insert(endpoint: WebhookEndpoint, secret: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO webhook_endpoints (id, business_id, url, description, events, enabled, secret_sealed, created_at,
                                      updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $7, $7)`,
      [
        endpoint.id,
        endpoint.businessId,
        endpoint.url,
        endpoint.description,
        endpoint.events,
        this.secrets.seal(secret),
        endpoint.createdAt,
      ],
    );
  }

  async find(businessId: string, endpointId: string): Promise<WebhookEndpoint | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${endpointColumns()} FROM webhook_endpoints WHERE id = $1 AND business_id = $2`,
      [endpointId, businessId],
    )) as EndpointRow[];
    return rows[0] && toEndpoint(rows[0]);
  }

  async list(businessId: string, limit: number, afterId?: string): Promise<WebhookEndpoint[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${endpointColumns()} FROM webhook_endpoints
        WHERE business_id = $1 AND ($3::uuid IS NULL OR id < $3::uuid)
        ORDER BY id DESC LIMIT $2`,
      [businessId, limit, afterId ?? null],
    )) as EndpointRow[];
    return rows.map(toEndpoint);
  }

  async update(endpoint: WebhookEndpoint): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_endpoints SET url = $2, description = $3, events = $4, enabled = $5, disabled_reason = $6,
              disabled_at = $7, failing_since = CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE failing_since END,
              updated_at = $9
        WHERE id = $1`,
      [
        endpoint.id,
        endpoint.url,
        endpoint.description,
        endpoint.events,
        endpoint.enabled,
        endpoint.disabledReason,
        endpoint.disabledAt,
        endpoint.failingSince,
        endpoint.updatedAt,
      ],
    );
  }

  async rotateSecret(endpointId: string, secret: string, previousExpiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_endpoints SET previous_secret_sealed = secret_sealed, previous_secret_expires_at = $3,
              secret_sealed = $2, updated_at = now()
        WHERE id = $1`,
      [endpointId, this.secrets.seal(secret), previousExpiresAt],
    );
  }

  async remove(endpointId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE notifications SET status = 'failed', last_error = 'endpoint deleted', locked_until = NULL,
                updated_at = now()
          WHERE channel = 'webhook' AND recipient = $1 AND status IN ('queued', 'retrying')`,
        [endpointId],
      );
      await manager.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [endpointId]);
    });
  }

  async deliveries(endpointId: string, limit: number, afterId?: string): Promise<WebhookDeliveryView[]> {
    const rows = (await this.dataSource.query(
      `${DELIVERY_SELECT}
        WHERE n.channel = 'webhook' AND n.recipient = $1 AND ($3::uuid IS NULL OR n.id < $3::uuid)
        ORDER BY n.id DESC LIMIT $2`,
      [endpointId, limit, afterId ?? null],
    )) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  async findDelivery(endpointId: string, deliveryId: string): Promise<WebhookDeliveryView | undefined> {
    const rows = (await this.dataSource.query(
      `${DELIVERY_SELECT} WHERE n.channel = 'webhook' AND n.recipient = $1 AND n.id = $2`,
      [endpointId, deliveryId],
    )) as DeliveryRow[];
    return rows[0] && toDelivery(rows[0]);
  }

  async requeue(deliveryId: string): Promise<boolean> {
    // Attempts stay counted: a redelivery that fails again has what is left of the schedule, or none.
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications SET status = 'queued', next_attempt_at = now(), locked_until = NULL, updated_at = now()
        WHERE id = $1 AND channel = 'webhook' AND status <> 'sending'`,
      [deliveryId],
    )) as [unknown, number];
    return count === 1;
  }
}
