import { Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ListWebhookDeliveriesQuery,
  type WebhookDeliveryPageResponse,
  type WebhookDeliveryResponse,
} from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { WebhookDeliveriesUseCase } from '../../../application/webhook-deliveries.use-case.js';
import { toActor, toDeliveryResponse, toPageResponse } from './webhook.http-mappers.js';

/** `/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries`: attempts and redelivery. */
@Controller('v1/businesses/:businessId/webhook-endpoints/:endpointId/deliveries')
@UseGuards(GatewayIdentityGuard)
export class WebhookDeliveriesHttpController {
  constructor(@Inject(WebhookDeliveriesUseCase) private readonly deliveries: WebhookDeliveriesUseCase) {}

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('endpointId') endpointId: string,
    @Query() query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryPageResponse> {
    const page = await this.deliveries.list(toActor(identity), businessId, endpointId, {
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    return toPageResponse(page, toDeliveryResponse);
  }

  /** 202: the attempt is queued for now; the list shows its outcome. */
  @Post(':deliveryId/redeliver')
  @HttpCode(202)
  async redeliver(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('endpointId') endpointId: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryResponse> {
    return toDeliveryResponse(await this.deliveries.redeliver(toActor(identity), businessId, endpointId, deliveryId));
  }
}
