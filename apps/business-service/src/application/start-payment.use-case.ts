import { v7 as uuidv7 } from 'uuid';
import { InvoiceNotFoundError } from '../domain/invoice.errors.js';
import { Payment } from '../domain/payment.js';
import {
  InvalidPaymentAmountError,
  InvoiceNotPayableError,
  PaymentAmountExceedsBalanceError,
  PaymentCurrencyMismatchError,
  PaymentProviderNotConfiguredError,
  PaymentRequestKeyReusedError,
} from '../domain/payment.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import type { PaymentProvider } from './ports/payment-provider.port.js';
import { applyProviderState, paymentClock, type PaymentUseCaseDeps, type PaymentView } from './payment-settlement.js';

export interface StartPaymentInput {
  actor: Actor;
  businessId: string;
  invoiceId: string;
  amount: { amountMinor: number; currency: string };
  /** The caller's Idempotency-Key: the same key for this invoice reuses the payment it started. */
  requestKey?: string;
}

/**
 * Starts a payment of an issued invoice through the provider; answers it pending, with the
 * checkout URL the payer pays at. Needs `payments:start` (accountant or above).
 *
 * 1. In one transaction, with the invoice locked: the checks, then an `initiating` row (or the
 *    row this request key made before). The open balance is total − succeeded − payments still
 *    in progress, so two concurrent starts can never ask for more than is owed.
 * 2. Outside any transaction, the provider with our payment id as Idempotency-Key: when it fails
 *    the caller gets a 503 and the row stays `initiating`; a retry reuses it, and the provider
 *    answers the payment it may already have made, never a second one.
 * 3. In a second transaction, the provider's id, checkout URL and status recorded (`pending`).
 */
export class StartPaymentUseCase {
  constructor(private readonly deps: PaymentUseCaseDeps) {}

  async execute(input: StartPaymentInput): Promise<PaymentView> {
    const { amountMinor, currency } = input.amount;
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) throw new InvalidPaymentAmountError(amountMinor);
    const { provider, webhookUrl } = this.deps;
    const now = paymentClock(this.deps)();
    const { payment, isNew } = await this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'payments:start');
      if (!provider || !webhookUrl) throw new PaymentProviderNotConfiguredError();
      const invoice = await tx.invoices.find(input.businessId, input.invoiceId, { forUpdate: true });
      if (!invoice) throw new InvoiceNotFoundError(input.invoiceId);
      if (input.requestKey !== undefined) {
        const earlier = await tx.payments.findByRequestKey(invoice.id, input.requestKey);
        if (earlier) {
          if (!earlier.sameRequestAs(amountMinor, currency)) throw new PaymentRequestKeyReusedError(invoice.id);
          return { payment: earlier, isNew: false };
        }
      }
      const state = invoice.toState();
      if (invoice.status !== 'issued') throw new InvoiceNotPayableError(invoice.id, invoice.status);
      if (currency !== state.currency) throw new PaymentCurrencyMismatchError(invoice.id, currency, state.currency);
      const open = invoice.amountDueMinor() - (await tx.payments.reservedMinor(invoice.id));
      if (amountMinor > open) throw new PaymentAmountExceedsBalanceError(invoice.id, amountMinor, Math.max(0, open));
      const started = Payment.initiate(
        {
          id: uuidv7(),
          businessId: invoice.businessId,
          invoiceId: invoice.id,
          amountMinor,
          currency,
          provider: provider.name,
          requestKey: input.requestKey ?? null,
          startTraceparent: this.deps.traces.current(),
        },
        now,
      );
      await tx.payments.insert(started);
      return { payment: started, isNew: true };
    });
    if (!provider || !webhookUrl) throw new PaymentProviderNotConfiguredError();
    if (isNew) this.deps.metrics.started(provider.name);
    // Settled, or already known to the provider and pending: nothing to ask again.
    if (payment.status !== 'initiating') return payment.toState();
    return this.createAtProvider(provider, webhookUrl, payment);
  }

  private async createAtProvider(
    provider: PaymentProvider,
    webhookUrl: string,
    payment: Payment,
  ): Promise<PaymentView> {
    const state = payment.toState();
    const reported = await provider.createPayment({
      paymentId: state.id,
      amount: { amountMinor: state.amountMinor, currency: state.currency },
      reference: state.id,
      description: `Invoice payment ${state.id}`,
      webhookUrl,
    });
    return applyProviderState(this.deps, payment, reported);
  }
}
