import type { Member } from '../domain/member.js';
import { requireAccess, type Actor } from './business-access.js';
import { pageLimit } from './page-limit.js';
import type { Page } from './ports/page.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface ListMembersInput {
  actor: Actor;
  businessId: string;
  /** 1–100; 20 by default. */
  limit?: number;
  cursor?: string;
}

/** The members of a business, in the order they joined; any member may read them. */
export class ListMembersUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: ListMembersInput): Promise<Page<Member>> {
    const limit = pageLimit(input.limit);
    return this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      return tx.members.list(input.businessId, { limit, cursor: input.cursor });
    });
  }
}
