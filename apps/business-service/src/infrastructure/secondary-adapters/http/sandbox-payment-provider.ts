import { BaseHttpClient, TokenManager } from '@platform/resilience';
import type {
  CreateProviderPayment,
  PaymentProvider,
  ProviderPayment,
} from '../../../application/ports/payment-provider.port.js';
import { SandboxPayment } from './sandbox-payment.dto.js';

/** Where the sandbox is and how this service authenticates to it. */
export interface SandboxProviderOptions {
  /** Base URL, e.g. `http://127.0.0.1:4010`; the token endpoint is `<url>/oauth/token`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Time limit of each attempt. */
  timeoutMs: number;
}

/** The bounded name of this provider: metrics label, `payments.provider`, the webhook route's last segment. */
export const SANDBOX_PROVIDER = 'sandbox';

/**
 * PaymentProvider on the payment sandbox's API. BaseHttpClient gives each call its time limit, the
 * `payment-provider` circuit breaker, retries with backoff and jitter (GETs, and the POST that
 * carries an Idempotency-Key, and only those) honouring `Retry-After`, and the bearer token of the
 * shared TokenManager (cached, refreshed ahead of expiry, one refresh in flight; a 401 forces one
 * refresh and one more try). Answers are validated (SandboxPayment): a broken one is a 502.
 */
export class SandboxPaymentProvider extends BaseHttpClient implements PaymentProvider {
  readonly name = SANDBOX_PROVIDER;

  constructor(options: SandboxProviderOptions) {
    super({
      upstream: 'payment-provider',
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      // A short budget: the payer is waiting for a checkout URL; the reconciliation catches up later.
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 },
      auth: new TokenManager({
        tokenUrl: new URL('/oauth/token', options.baseUrl).toString(),
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        upstream: 'payment-provider-oauth',
        timeoutMs: options.timeoutMs,
      }),
    });
  }

  async createPayment(request: CreateProviderPayment): Promise<ProviderPayment> {
    const payment = await this.post('/v1/payments', {
      route: '/v1/payments',
      idempotencyKey: request.paymentId,
      body: {
        amount: request.amount,
        reference: request.reference,
        webhookUrl: request.webhookUrl,
        ...(request.description === undefined ? {} : { description: request.description }),
      },
      response: SandboxPayment,
    });
    return toProviderPayment(payment);
  }

  async getPayment(providerPaymentId: string): Promise<ProviderPayment> {
    const payment = await this.get(`/v1/payments/${encodeURIComponent(providerPaymentId)}`, {
      route: '/v1/payments/{id}',
      response: SandboxPayment,
    });
    return toProviderPayment(payment);
  }
}

function toProviderPayment(payment: SandboxPayment): ProviderPayment {
  return {
    providerPaymentId: payment.id,
    status: payment.status,
    checkoutUrl: payment.checkoutUrl,
    failureReason: payment.failureReason ?? null,
    amount: { amountMinor: payment.amount.amountMinor, currency: payment.amount.currency },
    reference: payment.reference,
  };
}
