import { InvoiceIssuedV2Contract } from '@platform/contracts';
import { BusinessNotFoundError } from '../domain/business.errors.js';
import { formatInvoiceNumber, numberingYear } from '../domain/invoice-number.js';
import { requireAccess, type Actor } from './business-access.js';
import {
  changeInvoices,
  clockOf,
  invoiceableCustomer,
  loadForChange,
  saveChange,
  type ExpectedVersions,
  type InvoiceUseCaseDeps,
  type InvoiceView,
} from './invoice-changes.js';
import { invoiceIssuedPayload } from './invoice-events.js';

export interface IssueInvoiceInput {
  actor: Actor;
  businessId: string;
  invoiceId: string;
  /** The version(s) the caller read (If-Match). */
  expectedVersions: ExpectedVersions;
}

/**
 * Issues a draft: takes the next number of the business for the UTC year of the issue instant,
 * and publishes `business.invoice.issued` in the same transaction. The number is taken last, under
 * the sequence row's lock held to the commit, so concurrent issues are serialised per business
 * and a failed issue gives its number back. Needs `invoices:issue`.
 */
export class IssueInvoiceUseCase {
  constructor(private readonly deps: InvoiceUseCaseDeps) {}

  execute(input: IssueInvoiceInput): Promise<InvoiceView> {
    return changeInvoices(this.deps, input.businessId, async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'invoices:issue');
      // The invoice row is locked before the sequence row, by every issue: one lock order, no deadlock.
      const invoice = await loadForChange(tx, input.businessId, input.invoiceId, input.expectedVersions);
      invoice.assertTransition('issued');
      const business = await tx.businesses.findById(input.businessId);
      if (!business) throw new BusinessNotFoundError(input.businessId);
      const customer = await invoiceableCustomer(tx, input.businessId, invoice.customerId);

      const now = clockOf(this.deps)();
      const year = numberingYear(now);
      const seq = await tx.invoiceNumbers.next(input.businessId, year);
      const issued = invoice.issue(formatInvoiceNumber(business.invoicePrefix, year, seq), now);
      await saveChange(tx, invoice, issued);
      const state = issued.toState();
      await tx.publish(InvoiceIssuedV2Contract, {
        aggregateId: state.id,
        payload: invoiceIssuedPayload(state, business, customer),
        occurredAt: now,
      });
      return state;
    });
  }
}
