import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  IDEMPOTENCY_KEY_PATTERN,
  RecordManualPaymentRequest,
  StartPaymentRequest,
  type PaymentListResponse,
  type PaymentResponse,
} from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import type { FastifyReply } from 'fastify';
import { IdempotentRoute } from '@platform/messaging';
import { validate as isUuid } from 'uuid';
import { ListPaymentsUseCase } from '../../../application/list-payments.use-case.js';
import { RecordManualPaymentUseCase } from '../../../application/record-manual-payment.use-case.js';
import { StartPaymentUseCase } from '../../../application/start-payment.use-case.js';
import { BusinessNotFoundError } from '../../../domain/business.errors.js';
import { toPaymentListResponse, toPaymentResponse } from './payment.http-mappers.js';

/** An id that cannot be a business is the same 404 as another tenant's. */
function businessIdOf(businessId: string): string {
  if (!isUuid(businessId)) throw new BusinessNotFoundError(businessId);
  return businessId;
}

// The gateway's Idempotency-Key rule; another key is simply not used to recognise a retry.
const REQUEST_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/**
 * The payments of an invoice, `/v1/businesses/{businessId}/invoices/{invoiceId}/payments`.
 * Starting one honours the caller's `Idempotency-Key` (forwarded by the gateway): the same key
 * for the same invoice reuses the payment it started, so a retry never pays twice.
 */
@Controller('v1/businesses/:businessId/invoices/:invoiceId/payments')
@UseGuards(GatewayIdentityGuard)
export class PaymentsHttpController {
  constructor(
    @Inject(StartPaymentUseCase) private readonly startPayment: StartPaymentUseCase,
    @Inject(ListPaymentsUseCase) private readonly listPayments: ListPaymentsUseCase,
    @Inject(RecordManualPaymentUseCase) private readonly recordManual: RecordManualPaymentUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  async start(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: StartPaymentRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentResponse> {
    const payment = await this.startPayment.execute({
      actor: { userId: identity.userId },
      businessId: businessIdOf(businessId),
      invoiceId,
      amount: { amountMinor: body.amount.amountMinor, currency: body.amount.currency },
      requestKey: idempotencyKey !== undefined && REQUEST_KEY.test(idempotencyKey) ? idempotencyKey : undefined,
    });
    reply.header('location', `/v1/businesses/${payment.businessId}/invoices/${payment.invoiceId}/payments`);
    return toPaymentResponse(payment);
  }

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
  ): Promise<PaymentListResponse> {
    return toPaymentListResponse(
      await this.listPayments.execute({
        actor: { userId: identity.userId },
        businessId: businessIdOf(businessId),
        invoiceId,
      }),
    );
  }

  @Post('manual')
  @HttpCode(201)
  // A retry after a lost answer must not record the money twice; a provider payment has its own key.
  @IdempotentRoute()
  async manual(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Body() body: RecordManualPaymentRequest,
  ): Promise<PaymentResponse> {
    return toPaymentResponse(
      await this.recordManual.execute({
        actor: { userId: identity.userId },
        businessId: businessIdOf(businessId),
        invoiceId,
        amount: { amountMinor: body.amount.amountMinor, currency: body.amount.currency },
        reference: body.reference,
      }),
    );
  }
}
