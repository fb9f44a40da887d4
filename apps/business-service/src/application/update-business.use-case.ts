import { BusinessUpdatedV1Contract } from '@platform/contracts';
import { BusinessNotFoundError } from '../domain/business.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import type { MembershipOf } from './ports/business-repository.port.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface UpdateBusinessInput {
  actor: Actor;
  businessId: string;
  /** Left out: unchanged. */
  name?: string;
  /** Left out: unchanged; numbers already issued keep their prefix. */
  invoicePrefix?: string;
}

/**
 * Renames a business or changes its invoice prefix (owners and admins). `business.business.updated`
 * carries the new state; a request that changes nothing publishes nothing.
 */
export class UpdateBusinessUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(input: UpdateBusinessInput): Promise<MembershipOf> {
    return this.unitOfWork.run(async (tx) => {
      const role = await requireAccess(tx.roles, input.actor, input.businessId, 'business:update');
      // Locked: concurrent updates apply one after the other, and their events in the same order.
      const business = await tx.businesses.findById(input.businessId, { forUpdate: true });
      if (!business) throw new BusinessNotFoundError(input.businessId);
      const name = input.name?.trim() ?? business.name;
      const invoicePrefix = input.invoicePrefix ?? business.invoicePrefix;
      if (name === business.name && invoicePrefix === business.invoicePrefix) return { business, role };
      const updated = { ...business, name, invoicePrefix, updatedAt: new Date() };
      await tx.businesses.update(updated);
      await tx.publish(BusinessUpdatedV1Contract, {
        aggregateId: updated.id,
        occurredAt: updated.updatedAt,
        payload: {
          businessId: updated.id,
          name: updated.name,
          invoicePrefix: updated.invoicePrefix,
          updatedAt: updated.updatedAt.toISOString(),
        },
      });
      return { business: updated, role };
    });
  }
}
