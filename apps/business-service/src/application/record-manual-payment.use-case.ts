import { v7 as uuidv7 } from 'uuid';
import { InvoiceNotFoundError } from '../domain/invoice.errors.js';
import { Payment } from '../domain/payment.js';
import {
  InvalidPaymentAmountError,
  InvoiceNotPayableError,
  PaymentAmountExceedsBalanceError,
  PaymentCurrencyMismatchError,
} from '../domain/payment.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import { bookOutcome, paymentClock, type PaymentUseCaseDeps, type PaymentView } from './payment-settlement.js';

export interface RecordManualPaymentInput {
  actor: Actor;
  businessId: string;
  invoiceId: string;
  amount: { amountMinor: number; currency: string };
  /** The bank transfer's reference. */
  reference: string;
}

/**
 * Records money that arrived outside the provider (a bank transfer): the payment succeeds at
 * once and counts on the invoice, which becomes paid when covered (`business.invoice.paid` in the
 * same transaction). Same balance rule as provider payments. Needs `payments:record-manual`.
 */
export class RecordManualPaymentUseCase {
  constructor(private readonly deps: PaymentUseCaseDeps) {}

  async execute(input: RecordManualPaymentInput): Promise<PaymentView> {
    const { amountMinor, currency } = input.amount;
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) throw new InvalidPaymentAmountError(amountMinor);
    const now = paymentClock(this.deps)();
    const state = await this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'payments:record-manual');
      const invoice = await tx.invoices.find(input.businessId, input.invoiceId, { forUpdate: true });
      if (!invoice) throw new InvoiceNotFoundError(input.invoiceId);
      if (invoice.status !== 'issued') throw new InvoiceNotPayableError(invoice.id, invoice.status);
      const invoiceCurrency = invoice.toState().currency;
      if (currency !== invoiceCurrency) throw new PaymentCurrencyMismatchError(invoice.id, currency, invoiceCurrency);
      const open = invoice.amountDueMinor() - (await tx.payments.reservedMinor(invoice.id));
      if (amountMinor > open) throw new PaymentAmountExceedsBalanceError(invoice.id, amountMinor, Math.max(0, open));
      const payment = Payment.manual(
        {
          id: uuidv7(),
          businessId: invoice.businessId,
          invoiceId: invoice.id,
          amountMinor,
          currency,
          reference: input.reference.trim(),
        },
        now,
      );
      await tx.payments.insert(payment);
      await bookOutcome(tx, invoice, payment, 'succeeded', now);
      return payment.toState();
    });
    await this.deps.summaryCache.invalidate(input.businessId);
    this.deps.metrics.succeeded('manual');
    return state;
  }
}
