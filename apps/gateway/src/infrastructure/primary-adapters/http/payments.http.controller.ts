import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  PaymentListResponse,
  PaymentResponse,
  RecordManualPaymentRequest,
  StartPaymentRequest,
  WebhookReceivedResponse,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idempotencyKeyHeader, idParam } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () => idParam('businessId', 'A business the caller is a member of; any other id is a 404.');
const INVOICE_ID = () => idParam('invoiceId', 'An invoice of this business; any other id is a 404.');
const PAYMENTS = '/v1/businesses/:businessId/invoices/:invoiceId/payments';

/**
 * `/v1/businesses/{businessId}/invoices/{invoiceId}/payments`: paying an issued invoice through the
 * payment provider (partial payments allowed), manual payments, and the list. The start passes the
 * client's `Idempotency-Key` on to the business-service, which reuses the payment the key started:
 * a retried start never pays twice.
 */
@BUSINESS_ID()
@INVOICE_ID()
@businessRoutes('payments')
@ApiProblems(400, 401, 404, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/invoices/:invoiceId/payments')
@UseGuards(AccessTokenGuard)
export class PaymentsHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({ summary: 'The payments of an invoice, oldest first' })
  @ApiOkResponse({ type: PaymentListResponse, description: 'Every payment, in any status.' })
  listPayments(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, PAYMENTS);
  }

  @Post()
  @ApiOperation({
    summary: 'Start a payment of an issued invoice through the payment provider (not viewers)',
    description:
      'Answers the payment `pending` with the `checkoutUrl` the payer pays at. The amount is in the invoice currency, ' +
      'at most the open balance (total − succeeded − payments in progress). The provider unreachable: 503, retry with ' +
      'the same `Idempotency-Key`.',
  })
  @idempotencyKeyHeader()
  @ApiBody({ type: StartPaymentRequest })
  @ApiCreatedResponse({ type: PaymentResponse, description: 'The payment, pending at the provider.' })
  @ApiProblems(403, 409, 413, 422)
  startPayment(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, PAYMENTS, {
      idempotent: true,
      passOn: ['idempotency-key'],
    });
  }

  @Post('manual')
  @ApiOperation({ summary: 'Record a payment received outside the provider, e.g. a bank transfer (not viewers)' })
  @idempotencyKeyHeader()
  @ApiBody({ type: RecordManualPaymentRequest })
  @ApiCreatedResponse({ type: PaymentResponse, description: 'The payment, succeeded.' })
  @ApiProblems(403, 409, 413, 422)
  recordManualPayment(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, `${PAYMENTS}/manual`, { idempotent: true });
  }
}

// The Standard Webhooks headers: forwarded unchanged, with the exact body they sign.
const WEBHOOK_HEADERS = ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * `POST /v1/payments/webhooks/sandbox`: the payment provider's callbacks. Public (no access token);
 * the business-service verifies the signature, so the gateway forwards the raw bytes and the
 * `webhook-*` headers as received.
 */
@ApiTags('payments')
@ApiProblems(400, 401, 413, 429, 502, 503, 504)
@Controller('v1/payments/webhooks')
export class PaymentWebhooksHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Post('sandbox')
  @HttpCode(200)
  @ApiOperation({
    summary: "The payment provider's webhook (Standard Webhooks signature; not for API clients)",
    description:
      'Forged, unsigned or stale (more than 300 s): 401. Each event id is applied once; a replay answers 200.',
  })
  @ApiSecurity({})
  @ApiHeader({ name: 'webhook-id', required: true, schema: { type: 'string' } })
  @ApiHeader({ name: 'webhook-timestamp', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } })
  @ApiHeader({ name: 'webhook-signature', required: true, schema: { type: 'string' } })
  @ApiOkResponse({ type: WebhookReceivedResponse, description: 'Recorded.' })
  receiveSandboxWebhook(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/payments/webhooks/sandbox', {
      rawBody: true,
      passOn: WEBHOOK_HEADERS,
    });
  }
}
