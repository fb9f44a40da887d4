import { getLogger } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';
import { webhookTypeOf } from '../domain/webhook-event-types.js';
import type { EventFacts } from './event-facts.js';
import type { NotificationMetrics } from './ports/notification-telemetry.port.js';
import type { NewWebhookDelivery, WebhookDeliveryQueue, WebhookMessage } from './ports/webhook-deliveries.port.js';

/** Largest message body a receiver gets (Standard Webhooks senders keep payloads small). */
export const MAX_WEBHOOK_PAYLOAD_BYTES = 20 * 1024;

/**
 * Queues, in the consumer's transaction, one delivery per (event, subscribed endpoint) of the
 * event's business. The message is `{ type, timestamp, data }` with the event's payload as data.
 * A payload over 20 KB is not sent (logged): a receiver must not get a truncated document.
 */
export class QueueWebhookDeliveriesUseCase {
  private readonly log = getLogger('QueueWebhookDeliveries');

  constructor(private readonly metrics: NotificationMetrics) {}

  async queue(
    event: EventFacts,
    businessId: string,
    payload: Record<string, unknown>,
    queue: WebhookDeliveryQueue,
  ): Promise<void> {
    const type = webhookTypeOf(event.eventType, payload);
    if (!type) return;
    const endpoints = await queue.subscribers(businessId, type);
    if (endpoints.length === 0) return;
    const message: WebhookMessage = { type, timestamp: event.occurredAt.toISOString(), data: payload };
    const size = Buffer.byteLength(JSON.stringify(message));
    if (size > MAX_WEBHOOK_PAYLOAD_BYTES) {
      this.log.error('webhook payload over 20 KB: not sent', { eventId: event.eventId, businessId, type, size });
      return;
    }
    const deliveries: NewWebhookDelivery[] = endpoints.map((endpoint) => ({
      id: uuidv7(),
      eventId: event.eventId,
      eventType: event.eventType,
      occurredAt: event.occurredAt,
      endpointId: endpoint.id,
      businessId,
      message,
      orderKey: event.aggregateId,
    }));
    const inserted = await queue.queue(deliveries);
    for (const delivery of inserted) {
      this.metrics.counted('webhook', type, 'queued');
      this.log.info('notification queued', {
        notificationId: delivery.id,
        eventId: event.eventId,
        channel: 'webhook',
        template: type,
        deliveryStatus: 'queued',
        businessId,
        endpointId: delivery.endpointId,
      });
    }
  }
}
