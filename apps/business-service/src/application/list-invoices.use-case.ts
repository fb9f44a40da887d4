import type { InvoiceStatus } from '../domain/invoice.js';
import { requireAccess, type Actor } from './business-access.js';
import type { InvoiceView } from './invoice-changes.js';
import { pageLimit } from './page-limit.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface ListInvoicesInput {
  actor: Actor;
  businessId: string;
  status?: InvoiceStatus;
  customerId?: string;
  /** Due strictly before this day, `YYYY-MM-DD`. */
  dueBefore?: string;
  /** Due strictly after this day, `YYYY-MM-DD`. */
  dueAfter?: string;
  /** 1–100, 20 by default. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface InvoicePage {
  items: InvoiceView[];
  /** Present when there are more; pass it as `cursor` for the next page. */
  nextCursor?: string;
}

/** The invoices of a business page by page, newest first, filtered. Needs `business:read`. */
export class ListInvoicesUseCase {
  constructor(private readonly deps: { unitOfWork: UnitOfWork }) {}

  async execute(input: ListInvoicesInput): Promise<InvoicePage> {
    const limit = pageLimit(input.limit);
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const page = await tx.invoices.list(
        input.businessId,
        { status: input.status, customerId: input.customerId, dueBefore: input.dueBefore, dueAfter: input.dueAfter },
        { limit, cursor: input.cursor },
      );
      return { items: page.items.map((invoice) => invoice.toState()), nextCursor: page.nextCursor };
    });
  }
}
