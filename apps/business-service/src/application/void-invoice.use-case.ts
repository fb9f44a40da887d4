import { InvoiceVoidedV1Contract } from '@platform/contracts';
import { BusinessNotFoundError, CustomerNotFoundError } from '../domain/business.errors.js';
import { InvoicePaymentInProgressError } from '../domain/invoice.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import {
  changeInvoices,
  clockOf,
  loadForChange,
  saveChange,
  type ExpectedVersions,
  type InvoiceUseCaseDeps,
  type InvoiceView,
} from './invoice-changes.js';
import { invoiceVoidedPayload } from './invoice-events.js';

export interface VoidInvoiceInput {
  actor: Actor;
  businessId: string;
  invoiceId: string;
  /** The version(s) the caller read (If-Match). */
  expectedVersions: ExpectedVersions;
  reason?: string;
}

/**
 * Voids an issued invoice (a draft is deleted instead, a paid one is refunded: 409
 * INVOICE.INVALID_TRANSITION); not while a payment of it is in progress (409
 * INVOICE.PAYMENT_IN_PROGRESS: the payer could still pay a void invoice). It keeps its number;
 * `business.invoice.voided` is published in the same transaction. Needs `invoices:void`.
 */
export class VoidInvoiceUseCase {
  constructor(private readonly deps: InvoiceUseCaseDeps) {}

  execute(input: VoidInvoiceInput): Promise<InvoiceView> {
    return changeInvoices(this.deps, input.businessId, async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'invoices:void');
      const invoice = await loadForChange(tx, input.businessId, input.invoiceId, input.expectedVersions);
      const now = clockOf(this.deps)();
      const voided = invoice.void(input.reason, now);
      // The invoice row is locked, so no payment can start between this check and the void.
      const reservedMinor = await tx.payments.reservedMinor(invoice.id);
      if (reservedMinor > 0) throw new InvoicePaymentInProgressError(invoice.id, reservedMinor);
      await saveChange(tx, invoice, voided);
      const business = await tx.businesses.findById(input.businessId);
      if (!business) throw new BusinessNotFoundError(input.businessId);
      // An archived customer is still told: the invoice they received no longer counts.
      const customer = await tx.customers.find(input.businessId, invoice.customerId);
      if (!customer) throw new CustomerNotFoundError(input.businessId, invoice.customerId);
      const state = voided.toState();
      await tx.publish(InvoiceVoidedV1Contract, {
        aggregateId: state.id,
        payload: invoiceVoidedPayload(state, business, customer),
        occurredAt: now,
      });
      return state;
    });
  }
}
