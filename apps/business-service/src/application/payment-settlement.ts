import { InvoicePaidV1Contract, PaymentFailedV1Contract } from '@platform/contracts';
import { BusinessNotFoundError, CustomerNotFoundError } from '../domain/business.errors.js';
import type { Invoice } from '../domain/invoice.js';
import { InvoiceNotFoundError } from '../domain/invoice.errors.js';
import type { Payment, PaymentOutcome, PaymentState } from '../domain/payment.js';
import type { SummaryCacheInvalidation } from './ports/summary-cache.port.js';
import type { PaymentProvider, ProviderPayment } from './ports/payment-provider.port.js';
import type { PaymentMetrics, PaymentTraces } from './ports/payment-telemetry.port.js';
import type { Transaction, UnitOfWork } from './ports/unit-of-work.port.js';
import { saveChange } from './invoice-changes.js';

/** What the payment use cases are built on. */
export interface PaymentUseCaseDeps {
  unitOfWork: UnitOfWork;
  summaryCache: SummaryCacheInvalidation;
  /** Undefined when the service runs without PAYMENT_PROVIDER_* settings: provider payments answer 503. */
  provider: PaymentProvider | undefined;
  /** The public URL the provider posts its events to. */
  webhookUrl: string | undefined;
  metrics: PaymentMetrics;
  traces: PaymentTraces;
  now?: () => Date;
}

/** A payment as the use cases answer it. */
export type PaymentView = PaymentState;

export const paymentClock = (deps: PaymentUseCaseDeps): (() => Date) => deps.now ?? (() => new Date());

/** The invoice of `payment` then the payment itself, both locked (always in this order: no deadlock). */
export async function lockInvoiceAndPayment(
  tx: Transaction,
  businessId: string,
  invoiceId: string,
  paymentId: string,
): Promise<{ invoice: Invoice; payment: Payment }> {
  const invoice = await tx.invoices.find(businessId, invoiceId, { forUpdate: true });
  if (!invoice) throw new InvoiceNotFoundError(invoiceId);
  const payment = await tx.payments.findById(paymentId, { forUpdate: true });
  if (!payment) throw new Error(`payment ${paymentId} vanished`);
  return { invoice, payment };
}

/**
 * A succeeded payment counted on its invoice (which becomes paid when covered: then
 * `business.invoice.paid` is published in this transaction); a failed one published as
 * `business.payment.failed`. Runs inside the caller's transaction, with both rows locked.
 */
export async function bookOutcome(
  tx: Transaction,
  invoice: Invoice,
  payment: Payment,
  outcome: PaymentOutcome,
  now: Date,
): Promise<void> {
  const state = payment.toState();
  if (outcome === 'succeeded') {
    const booked = invoice.recordPayment(state.amountMinor, now);
    await saveChange(tx, invoice, booked);
    if (invoice.status !== 'paid' && booked.status === 'paid') {
      await tx.publish(InvoicePaidV1Contract, {
        aggregateId: invoice.id,
        payload: {
          invoiceId: invoice.id,
          businessId: invoice.businessId,
          paymentId: state.id,
          amount: { amountMinor: state.amountMinor, currency: state.currency },
          paidAt: (state.confirmedAt ?? now).toISOString(),
        },
        occurredAt: now,
      });
    }
  } else if (outcome === 'failed') {
    const invoiceState = invoice.toState();
    const business = await tx.businesses.findById(invoice.businessId);
    if (!business) throw new BusinessNotFoundError(invoice.businessId);
    const customer = await tx.customers.find(invoice.businessId, invoice.customerId);
    if (!customer) throw new CustomerNotFoundError(invoice.businessId, invoice.customerId);
    await tx.publish(PaymentFailedV1Contract, {
      aggregateId: state.id,
      payload: {
        paymentId: state.id,
        invoiceId: invoice.id,
        businessId: invoice.businessId,
        businessName: business.name,
        number: invoiceState.number ?? '',
        customerId: customer.id,
        customerName: customer.name,
        customerEmail: customer.email,
        amount: { amountMinor: state.amountMinor, currency: state.currency },
        reason: state.failureReason?.slice(0, 500) || null,
        failedAt: now.toISOString(),
      },
      occurredAt: now,
    });
  }
}

/**
 * Applies the provider's current state of a payment: in one transaction (invoice, then payment,
 * locked) the payment moves as its transitions allow and the outcome is booked; `alsoInTx` runs
 * in the same transaction (marking a provider event applied). A confirmation runs in a span that
 * links to the trace of the request that started the payment; metrics count it after the commit.
 */
export async function applyProviderState(
  deps: PaymentUseCaseDeps,
  payment: Payment,
  reported: ProviderPayment,
  alsoInTx?: (tx: Transaction) => Promise<void>,
): Promise<PaymentView> {
  const start = payment.toState();
  const now = paymentClock(deps)();
  const { state, outcome } = await deps.traces.linked('payment.confirm', start.startTraceparent, () =>
    deps.unitOfWork.run(async (tx) => {
      const locked = await lockInvoiceAndPayment(tx, start.businessId, start.invoiceId, start.id);
      const { payment: next, outcome } = locked.payment.applyProvider(reported, now);
      if (next !== locked.payment) await tx.payments.update(next);
      await bookOutcome(tx, locked.invoice, next, outcome, now);
      await alsoInTx?.(tx);
      return { state: next.toState(), outcome };
    }),
  );
  if (outcome === 'succeeded' || outcome === 'failed') await deps.summaryCache.invalidate(start.businessId);
  countOutcome(deps, state, outcome);
  return state;
}

function countOutcome(deps: PaymentUseCaseDeps, state: PaymentState, outcome: PaymentOutcome): void {
  const provider = state.provider ?? 'manual';
  if (outcome === 'succeeded') {
    const seconds = ((state.confirmedAt ?? state.updatedAt).getTime() - state.createdAt.getTime()) / 1000;
    deps.metrics.succeeded(provider, Math.max(0, seconds));
  } else if (outcome === 'failed') {
    deps.metrics.failed(provider);
  }
}
