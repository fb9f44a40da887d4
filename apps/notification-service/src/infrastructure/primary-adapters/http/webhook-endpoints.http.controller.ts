import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  CreateWebhookEndpointRequest,
  ListWebhookEndpointsQuery,
  UpdateWebhookEndpointRequest,
  type WebhookEndpointCreatedResponse,
  type WebhookEndpointPageResponse,
  type WebhookEndpointResponse,
  type WebhookSecretResponse,
} from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ManageWebhookEndpointsUseCase } from '../../../application/manage-webhook-endpoints.use-case.js';
import { toActor, toEndpointResponse, toPageResponse } from './webhook.http-mappers.js';

const DEFAULT_PAGE = 20;

/** `/v1/businesses/{businessId}/webhook-endpoints`: register, read, change, rotate, remove (owners and admins). */
@Controller('v1/businesses/:businessId/webhook-endpoints')
@UseGuards(GatewayIdentityGuard)
export class WebhookEndpointsHttpController {
  constructor(@Inject(ManageWebhookEndpointsUseCase) private readonly endpoints: ManageWebhookEndpointsUseCase) {}

  @Post()
  async register(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Body() body: CreateWebhookEndpointRequest,
  ): Promise<WebhookEndpointCreatedResponse> {
    const { endpoint, secret } = await this.endpoints.register(toActor(identity), businessId, body);
    return { ...toEndpointResponse(endpoint), secret };
  }

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Query() query: ListWebhookEndpointsQuery,
  ): Promise<WebhookEndpointPageResponse> {
    const page = await this.endpoints.list(toActor(identity), businessId, {
      limit: query.limit ?? DEFAULT_PAGE,
      cursor: query.cursor,
    });
    return toPageResponse(page, toEndpointResponse);
  }

  @Get(':endpointId')
  async get(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('endpointId') endpointId: string,
  ): Promise<WebhookEndpointResponse> {
    return toEndpointResponse(await this.endpoints.get(toActor(identity), businessId, endpointId));
  }

  @Patch(':endpointId')
  async update(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('endpointId') endpointId: string,
    @Body() body: UpdateWebhookEndpointRequest,
  ): Promise<WebhookEndpointResponse> {
    return toEndpointResponse(await this.endpoints.update(toActor(identity), businessId, endpointId, body ?? {}));
  }

  @Delete(':endpointId')
  @HttpCode(204)
  async remove(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('endpointId') endpointId: string,
  ): Promise<void> {
    await this.endpoints.remove(toActor(identity), businessId, endpointId);
  }

  @Post(':endpointId/secret/rotate')
  @HttpCode(200)
  async rotate(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('endpointId') endpointId: string,
  ): Promise<WebhookSecretResponse> {
    const rotated = await this.endpoints.rotateSecret(toActor(identity), businessId, endpointId);
    return { secret: rotated.secret, previousSecretExpiresAt: rotated.previousSecretExpiresAt.toISOString() };
  }
}
