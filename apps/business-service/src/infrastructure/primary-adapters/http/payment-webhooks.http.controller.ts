import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { WebhookReceivedResponse } from '@platform/contracts';
import { InvalidWebhookSignatureError, verifyStandardWebhook } from '@platform/identity';
import type { FastifyRequest } from 'fastify';
import { ApplyProviderEventUseCase } from '../../../application/apply-provider-event.use-case.js';
import { WebhookSignatureInvalidError } from '../../../domain/payment.errors.js';
import { SANDBOX_PROVIDER } from '../../secondary-adapters/http/sandbox-payment-provider.js';

/** Injection token of the webhook secret (`whsec_...`); undefined when payments are not configured. */
export const PAYMENT_WEBHOOK_SECRET = Symbol('PaymentWebhookSecret');

interface SandboxEventBody {
  id?: unknown;
  type?: unknown;
  data?: { payment?: { id?: unknown; reference?: unknown } };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * `POST /v1/payments/webhooks/sandbox`: the payment provider's callbacks. Public (no identity:
 * the gateway forwards the exact bytes and the webhook-* headers); trusted only through the
 * Standard Webhooks signature over the RAW body. Forged, unsigned or stale: 401 and nothing
 * recorded. A signed event is recorded once per webhook-id and answered 200 as soon as it is;
 * it is applied after the answer.
 */
@Controller('v1/payments/webhooks')
export class PaymentWebhooksHttpController {
  constructor(
    @Inject(ApplyProviderEventUseCase) private readonly applyEvent: ApplyProviderEventUseCase,
    @Inject(PAYMENT_WEBHOOK_SECRET) private readonly secret: string | undefined,
  ) {}

  @Post(SANDBOX_PROVIDER)
  @HttpCode(200)
  async receive(@Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<WebhookReceivedResponse> {
    // Without a secret nothing can be trusted: every callback is refused the same way.
    if (!this.secret) throw new WebhookSignatureInvalidError('not_configured');
    let webhookId: string;
    try {
      webhookId = verifyStandardWebhook(this.secret, request.headers, request.rawBody ?? '').id;
    } catch (error) {
      if (error instanceof InvalidWebhookSignatureError) throw new WebhookSignatureInvalidError(error.reason);
      throw error;
    }
    const body = (request.body ?? {}) as SandboxEventBody;
    const recorded = await this.applyEvent.record({
      provider: SANDBOX_PROVIDER,
      eventId: webhookId,
      type: text(body.type) ?? 'unknown',
      providerPaymentId: text(body.data?.payment?.id),
      reference: text(body.data?.payment?.reference),
      payload: body,
    });
    // Answered once the event is durable: the provider does not wait for our lookup of the
    // payment's state. `apply` never throws; a payment it could not settle is the reconciliation's.
    void recorded.apply();
    return { received: true };
  }
}
