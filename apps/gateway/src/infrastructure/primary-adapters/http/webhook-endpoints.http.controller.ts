import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
} from '@nestjs/swagger';
import {
  CreateWebhookEndpointRequest,
  ListWebhookDeliveriesQuery,
  ListWebhookEndpointsQuery,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryPageResponse,
  WebhookDeliveryResponse,
  WebhookEndpointCreatedResponse,
  WebhookEndpointPageResponse,
  WebhookEndpointResponse,
  WebhookSecretResponse,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idParam } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () =>
  idParam('businessId', 'A business the caller is an owner or admin of; any other id is a 404.');
const ENDPOINT_ID = () => idParam('endpointId', 'A webhook endpoint of this business; any other id is a 404.');
const DELIVERY_ID = () => idParam('deliveryId', 'A delivery to this endpoint; any other id is a 404.');
const BASE = '/v1/businesses/:businessId/webhook-endpoints';

// No Idempotency-Key on creation: the gateway would keep the answer, and it carries the signing secret.

/** `/v1/businesses/{businessId}/webhook-endpoints`: outbound webhooks (Standard Webhooks), served by the notification-service. */
@BUSINESS_ID()
@businessRoutes('webhooks')
@ApiProblems(400, 401, 403, 404, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/webhook-endpoints')
@UseGuards(AccessTokenGuard)
export class WebhookEndpointsHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook endpoint (owners and admins)',
    description:
      'The answer carries the signing secret (`whsec_…`) once. Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The URL must be https and resolve to public addresses only.',
  })
  @ApiBody({ type: CreateWebhookEndpointRequest })
  @ApiCreatedResponse({ type: WebhookEndpointCreatedResponse, description: 'The endpoint, with its secret.' })
  @ApiProblems(413, 422)
  createWebhookEndpoint(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, BASE);
  }

  @Get()
  @ApiOperation({ summary: 'List the webhook endpoints of a business, a page at a time' })
  @ApiQuery({ type: ListWebhookEndpointsQuery })
  @ApiOkResponse({ type: WebhookEndpointPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listWebhookEndpoints(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, BASE);
  }

  @Get(':endpointId')
  @ApiOperation({ summary: 'A webhook endpoint' })
  @ENDPOINT_ID()
  @ApiOkResponse({ type: WebhookEndpointResponse, description: 'The endpoint (never its secret).' })
  getWebhookEndpoint(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, `${BASE}/:endpointId`);
  }

  @Patch(':endpointId')
  @ApiOperation({
    summary: 'Change a webhook endpoint: url, events, description, enabled',
    description: '`enabled: true` turns a disabled endpoint (410, failing too long) on again.',
  })
  @ENDPOINT_ID()
  @ApiBody({ type: UpdateWebhookEndpointRequest })
  @ApiOkResponse({ type: WebhookEndpointResponse, description: 'The endpoint as it is now.' })
  @ApiProblems(413, 422)
  updateWebhookEndpoint(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, `${BASE}/:endpointId`);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint; its pending deliveries are dropped' })
  @ENDPOINT_ID()
  @ApiNoContentResponse({ description: 'The endpoint is gone.' })
  deleteWebhookEndpoint(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, `${BASE}/:endpointId`);
  }

  @Post(':endpointId/secret/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Deliveries are signed with the new and the previous secret (two `v1,` signatures) until `previousSecretExpiresAt` (24 h).',
  })
  @ENDPOINT_ID()
  @ApiOkResponse({ type: WebhookSecretResponse, description: 'The new secret, shown once.' })
  rotateWebhookSecret(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, `${BASE}/:endpointId/secret/rotate`);
  }

  @Get(':endpointId/deliveries')
  @ApiOperation({ summary: 'The deliveries of an endpoint with their attempts, newest first' })
  @ENDPOINT_ID()
  @ApiQuery({ type: ListWebhookDeliveriesQuery })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listWebhookDeliveries(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, `${BASE}/:endpointId/deliveries`);
  }

  @Post(':endpointId/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again now (the same `webhook-id`)' })
  @ENDPOINT_ID()
  @DELIVERY_ID()
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse, description: 'Queued; the deliveries list shows the outcome.' })
  @ApiProblems(409)
  redeliverWebhook(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward(
      'notification',
      request,
      reply,
      `${BASE}/:endpointId/deliveries/:deliveryId/redeliver`,
    );
  }
}
