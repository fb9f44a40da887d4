import { InvoiceNotFoundError } from '../domain/invoice.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import type { InvoiceView } from './invoice-changes.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

/** One invoice of a business, any status. Needs `business:read`; another business's invoice is a 404. */
export class GetInvoiceUseCase {
  constructor(private readonly deps: { unitOfWork: UnitOfWork }) {}

  execute(input: { actor: Actor; businessId: string; invoiceId: string }): Promise<InvoiceView> {
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const invoice = await tx.invoices.find(input.businessId, input.invoiceId);
      if (!invoice) throw new InvoiceNotFoundError(input.invoiceId);
      return invoice.toState();
    });
  }
}
