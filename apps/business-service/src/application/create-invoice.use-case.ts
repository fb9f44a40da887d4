import { v7 as uuidv7 } from 'uuid';
import { BusinessNotFoundError } from '../domain/business.errors.js';
import { Invoice } from '../domain/invoice.js';
import { requireAccess, type Actor } from './business-access.js';
import {
  changeInvoices,
  clockOf,
  invoiceableCustomer,
  type InvoiceUseCaseDeps,
  type InvoiceView,
} from './invoice-changes.js';

export interface CreateInvoiceInput {
  actor: Actor;
  businessId: string;
  customerId: string;
  /** ISO 4217; the business's currency when left out. */
  currency?: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  lines: { description: string; quantity: number; unitAmountMinor: number; taxRateBps?: number }[];
}

/** A new draft invoice: no number yet, version 1. Needs `invoices:edit-drafts`. */
export class CreateInvoiceUseCase {
  constructor(private readonly deps: InvoiceUseCaseDeps) {}

  execute(input: CreateInvoiceInput): Promise<InvoiceView> {
    return changeInvoices(this.deps, input.businessId, async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'invoices:edit-drafts');
      const business = await tx.businesses.findById(input.businessId);
      if (!business) throw new BusinessNotFoundError(input.businessId);
      await invoiceableCustomer(tx, input.businessId, input.customerId);
      const invoice = Invoice.draft(
        {
          id: uuidv7(),
          businessId: input.businessId,
          customerId: input.customerId,
          currency: input.currency ?? business.currency,
          dueDate: input.dueDate,
          lines: input.lines.map((line) => ({ ...line, taxRateBps: line.taxRateBps ?? 0 })),
        },
        clockOf(this.deps)(),
      );
      await tx.invoices.insert(invoice);
      return invoice.toState();
    });
  }
}
