import { RecurringInvoiceNotFoundError } from '../domain/recurring-invoice.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import type { RecurringInvoiceUseCaseDeps, RecurringInvoiceView } from './recurring-invoice-changes.js';

export interface GetRecurringInvoiceInput {
  actor: Actor;
  businessId: string;
  recurringInvoiceId: string;
}

/** One recurring invoice of a business. Needs `business:read`. */
export class GetRecurringInvoiceUseCase {
  constructor(private readonly deps: RecurringInvoiceUseCaseDeps) {}

  execute(input: GetRecurringInvoiceInput): Promise<RecurringInvoiceView> {
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const schedule = await tx.recurringInvoices.find(input.businessId, input.recurringInvoiceId);
      if (!schedule) throw new RecurringInvoiceNotFoundError(input.recurringInvoiceId);
      return schedule.toState();
    });
  }
}
