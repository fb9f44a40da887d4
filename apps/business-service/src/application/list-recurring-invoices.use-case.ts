import { requireAccess, type Actor } from './business-access.js';
import { pageLimit } from './page-limit.js';
import type { RecurringInvoiceUseCaseDeps, RecurringInvoiceView } from './recurring-invoice-changes.js';

export interface ListRecurringInvoicesInput {
  actor: Actor;
  businessId: string;
  /** 1–100, 20 by default. */
  limit?: number;
  cursor?: string;
}

export interface RecurringInvoicePage {
  items: RecurringInvoiceView[];
  nextCursor?: string;
}

/** The recurring invoices of a business, newest first. Needs `business:read`. */
export class ListRecurringInvoicesUseCase {
  constructor(private readonly deps: RecurringInvoiceUseCaseDeps) {}

  async execute(input: ListRecurringInvoicesInput): Promise<RecurringInvoicePage> {
    const limit = pageLimit(input.limit);
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const page = await tx.recurringInvoices.list(input.businessId, { limit, cursor: input.cursor });
      return { items: page.items.map((schedule) => schedule.toState()), nextCursor: page.nextCursor };
    });
  }
}
