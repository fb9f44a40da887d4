import { BusinessNotFoundError } from '../domain/business.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import type { MembershipOf } from './ports/business-repository.port.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

/** One business the caller is a member of, with their role in it; 404 for any other id. */
export class GetBusinessUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(input: { actor: Actor; businessId: string }): Promise<MembershipOf> {
    return this.unitOfWork.run(async (tx) => {
      const role = await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const business = await tx.businesses.findById(input.businessId);
      if (!business) throw new BusinessNotFoundError(input.businessId);
      return { business, role };
    });
  }
}
