import { getLogger } from '@platform/logging';
import {
  WebhookDeliveryInFlightError,
  WebhookDeliveryNotFoundError,
  WebhookEndpointDisabledError,
  WebhookEndpointNotFoundError,
} from '../domain/webhook.errors.js';
import { isUuid, pageOf, type Page } from './page-cursor.js';
import { idOfCursor, requireWebhookManager, type Actor } from './webhook-access.js';
import type { WebhookDeliveryView, WebhookEndpointRepository } from './ports/webhook-endpoints.port.js';

/** The deliveries of an endpoint (with their attempts) and redelivery, for owners and admins. */
export class WebhookDeliveriesUseCase {
  private readonly log = getLogger('WebhookDeliveries');

  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async list(
    actor: Actor,
    businessId: string,
    endpointId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<WebhookDeliveryView>> {
    await this.endpointOf(actor, businessId, endpointId);
    const rows = await this.endpoints.deliveries(endpointId, page.limit + 1, idOfCursor(page.cursor));
    return pageOf(rows, page.limit);
  }

  /** One more attempt now, whatever the delivery's state (a sent one is sent again: receivers dedupe on webhook-id). */
  async redeliver(
    actor: Actor,
    businessId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    const endpoint = await this.endpointOf(actor, businessId, endpointId);
    if (!endpoint.enabled) throw new WebhookEndpointDisabledError(endpointId);
    const delivery = isUuid(deliveryId) ? await this.endpoints.findDelivery(endpointId, deliveryId) : undefined;
    if (!delivery) throw new WebhookDeliveryNotFoundError(deliveryId);
    if (!(await this.endpoints.requeue(deliveryId))) throw new WebhookDeliveryInFlightError(deliveryId);
    this.log.info('webhook redelivery queued', { businessId, endpointId, deliveryId, eventId: delivery.eventId });
    return (await this.endpoints.findDelivery(endpointId, deliveryId)) ?? delivery;
  }

  private async endpointOf(actor: Actor, businessId: string, endpointId: string) {
    await requireWebhookManager(this.endpoints, actor, businessId);
    const endpoint = isUuid(endpointId) ? await this.endpoints.find(businessId, endpointId) : undefined;
    if (!endpoint) throw new WebhookEndpointNotFoundError(endpointId);
    return endpoint;
  }
}
