import { InvoiceVersionMismatchError } from '../domain/invoice.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import { changeInvoices, loadForChange, type ExpectedVersions, type InvoiceUseCaseDeps } from './invoice-changes.js';

/** Deletes a draft (an issued invoice is voided instead: 409 INVOICE.NOT_DRAFT). Needs `invoices:edit-drafts`. */
export class DeleteInvoiceUseCase {
  constructor(private readonly deps: InvoiceUseCaseDeps) {}

  execute(input: {
    actor: Actor;
    businessId: string;
    invoiceId: string;
    expectedVersions: ExpectedVersions;
  }): Promise<void> {
    return changeInvoices(this.deps, input.businessId, async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'invoices:edit-drafts');
      const invoice = await loadForChange(tx, input.businessId, input.invoiceId, input.expectedVersions);
      invoice.assertDeletable();
      if (!(await tx.invoices.deleteDraft(input.businessId, input.invoiceId, invoice.version))) {
        throw new InvoiceVersionMismatchError(invoice.id, invoice.version, undefined);
      }
    });
  }
}
