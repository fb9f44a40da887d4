import { getLogger } from '@platform/logging';
import type { Payment } from '../domain/payment.js';
import {
  applyProviderState,
  lockInvoiceAndPayment,
  paymentClock,
  type PaymentUseCaseDeps,
} from './payment-settlement.js';

/** What one batch did: payments brought up to date, payments that could not be (tried again next run). */
export interface ReconcileBatchResult {
  succeeded: number;
  failed: number;
  /** The cursor of the next batch; absent after the last one. */
  next?: string;
}

/** How long an `initiating` payment is given before it is abandoned. Default 1 hour. */
export interface ReconcileOptions {
  abandonInitiatingAfterMs?: number;
}

const DEFAULT_ABANDON_AFTER_MS = 3600_000;

/**
 * Finds what lost webhooks hid: provider payments still `initiating` or `pending` older than an
 * age are brought to the provider's current state (a success pays the invoice as a webhook would).
 * An `initiating` payment (the provider did not answer its start) is created again with the same
 * Idempotency-Key, which answers the provider's payment if it was made and makes it otherwise;
 * past `abandonInitiatingAfterMs` it is marked failed instead (nobody ever got its checkout URL),
 * which frees its part of the balance. Stateless and idempotent: a rerun finds nothing more to do.
 */
export class ReconcilePendingPaymentsUseCase {
  private readonly log = getLogger('ReconcilePendingPaymentsUseCase');
  private readonly abandonAfterMs: number;

  constructor(
    private readonly deps: PaymentUseCaseDeps,
    options: ReconcileOptions = {},
  ) {
    this.abandonAfterMs = options.abandonInitiatingAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
  }

  /** One batch of at most `limit` payments after the cursor `after`, created before `olderThan`. */
  async runBatch(after: string | undefined, limit: number, olderThan: Date): Promise<ReconcileBatchResult> {
    const payments = await this.deps.unitOfWork.run((tx) => tx.payments.listUnsettled(after, limit, olderThan));
    let succeeded = 0;
    let failed = 0;
    for (const payment of payments) {
      try {
        await this.reconcile(payment);
        succeeded += 1;
      } catch (error) {
        failed += 1;
        this.log.warn('payment not reconciled; next run tries again', { paymentId: payment.id, error });
      }
    }
    const last = payments.at(-1);
    return { succeeded, failed, ...(payments.length === limit && last ? { next: last.id } : {}) };
  }

  private async reconcile(payment: Payment): Promise<void> {
    const provider = this.deps.provider;
    const state = payment.toState();
    if (!provider || state.provider !== provider.name) throw new Error(`provider ${state.provider} is not configured`);
    if (state.providerPaymentId) {
      await applyProviderState(this.deps, payment, await provider.getPayment(state.providerPaymentId));
      return;
    }
    const now = paymentClock(this.deps)();
    if (now.getTime() - state.createdAt.getTime() > this.abandonAfterMs) {
      await this.deps.unitOfWork.run(async (tx) => {
        const locked = await lockInvoiceAndPayment(tx, state.businessId, state.invoiceId, state.id);
        const abandoned = locked.payment.abandon('not_started', now);
        if (abandoned !== locked.payment) await tx.payments.update(abandoned);
      });
      return;
    }
    if (!this.deps.webhookUrl) throw new Error('PAYMENT_WEBHOOK_URL is not configured');
    const reported = await provider.createPayment({
      paymentId: state.id,
      amount: { amountMinor: state.amountMinor, currency: state.currency },
      reference: state.id,
      description: `Invoice payment ${state.id}`,
      webhookUrl: this.deps.webhookUrl,
    });
    await applyProviderState(this.deps, payment, reported);
  }
}
