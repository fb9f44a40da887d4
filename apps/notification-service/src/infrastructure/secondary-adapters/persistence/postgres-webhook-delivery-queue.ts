import type { EntityManager } from 'typeorm';
import type { NewWebhookDelivery, WebhookDeliveryQueue } from '../../../application/ports/webhook-deliveries.port.js';
import type { WebhookEventType } from '../../../domain/webhook-event-types.js';

/** Webhook deliveries as `notifications` rows, written through the consumer's transaction. */
export class PostgresWebhookDeliveryQueue implements WebhookDeliveryQueue {
  constructor(private readonly manager: EntityManager) {}

  async subscribers(businessId: string, type: WebhookEventType): Promise<{ id: string }[]> {
    return (await this.manager.query(
      `SELECT id FROM webhook_endpoints WHERE business_id = $1 AND enabled AND $2 = ANY (events) ORDER BY id`,
      [businessId, type],
    )) as { id: string }[];
  }

  async queue(deliveries: readonly NewWebhookDelivery[]): Promise<NewWebhookDelivery[]> {
    const inserted: NewWebhookDelivery[] = [];
    for (const d of deliveries) {
      const rows = (await this.manager.query(
        `INSERT INTO notifications (id, event_id, event_type, occurred_at, channel, template, category, recipient,
                                    business_id, data, status, attempts, next_attempt_at, created_at, updated_at,
                                    order_key)
         VALUES ($1, $2, $3, $4, 'webhook', $5, 'transactional', $6, $7, $8, 'queued', 0, now(), now(), now(), $9)
         ON CONFLICT ON CONSTRAINT notifications_once_per_event DO NOTHING
         RETURNING id`,
        [
          d.id,
          d.eventId,
          d.eventType,
          d.occurredAt,
          d.message.type,
          d.endpointId,
          d.businessId,
          JSON.stringify(d.message),
          d.orderKey,
        ],
      )) as { id: string }[];
      if (rows.length === 1) inserted.push(d);
    }
    return inserted;
  }
}
