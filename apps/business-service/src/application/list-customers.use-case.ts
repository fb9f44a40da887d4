import type { Customer } from '../domain/customer.js';
import { requireAccess, type Actor } from './business-access.js';
import { pageLimit } from './page-limit.js';
import type { Page } from './ports/page.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface ListCustomersInput {
  actor: Actor;
  businessId: string;
  /** true: archived only; false: active only; left out: all. */
  archived?: boolean;
  /** 1–100; 20 by default. */
  limit?: number;
  cursor?: string;
}

/** The customers of a business, newest first; any member may read them. */
export class ListCustomersUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: ListCustomersInput): Promise<Page<Customer>> {
    const limit = pageLimit(input.limit);
    return this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      return tx.customers.list(input.businessId, { archived: input.archived }, { limit, cursor: input.cursor });
    });
  }
}
