import type { Actor } from './business-access.js';
import { pageLimit } from './page-limit.js';
import type { MembershipOf } from './ports/business-repository.port.js';
import type { Page } from './ports/page.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface ListMyBusinessesInput {
  actor: Actor;
  /** 1–100; 20 by default. */
  limit?: number;
  cursor?: string;
}

/** The businesses the caller is a member of, with their role in each, newest first. */
export class ListMyBusinessesUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: ListMyBusinessesInput): Promise<Page<MembershipOf>> {
    const limit = pageLimit(input.limit);
    return this.unitOfWork.run((tx) =>
      tx.businesses.listForMember(input.actor.userId, { limit, cursor: input.cursor }),
    );
  }
}
