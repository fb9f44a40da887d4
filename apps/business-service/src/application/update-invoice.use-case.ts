import type { DraftChanges } from '../domain/invoice.js';
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

export interface UpdateInvoiceInput {
  actor: Actor;
  businessId: string;
  invoiceId: string;
  /** The version(s) the caller read (If-Match). */
  expectedVersions: ExpectedVersions;
  changes: Omit<DraftChanges, 'lines'> & {
    lines?: { description: string; quantity: number; unitAmountMinor: number; taxRateBps?: number }[];
  };
}

/** Changes a draft (only a draft: else 409 INVOICE.NOT_DRAFT), over the version the caller read. Needs `invoices:edit-drafts`. */
export class UpdateInvoiceUseCase {
  constructor(private readonly deps: InvoiceUseCaseDeps) {}

  execute(input: UpdateInvoiceInput): Promise<InvoiceView> {
    return changeInvoices(this.deps, input.businessId, async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'invoices:edit-drafts');
      const invoice = await loadForChange(tx, input.businessId, input.invoiceId, input.expectedVersions);
      const { lines, ...rest } = input.changes;
      const edited = invoice.edit(
        { ...rest, lines: lines?.map((line) => ({ ...line, taxRateBps: line.taxRateBps ?? 0 })) },
        clockOf(this.deps)(),
      );
      if (rest.customerId !== undefined && rest.customerId !== invoice.customerId) {
        await invoiceableCustomer(tx, input.businessId, rest.customerId);
      }
      await saveChange(tx, invoice, edited);
      return edited.toState();
    });
  }
}
