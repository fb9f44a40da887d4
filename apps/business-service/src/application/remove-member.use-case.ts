import { BusinessMemberRemovedV1Contract } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { MemberNotFoundError } from '../domain/business.errors.js';
import { assertKeepsAnOwner, assertMayManage } from '../domain/member.js';
import { requireAccess, type Actor } from './business-access.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface RemoveMemberInput {
  actor: Actor;
  businessId: string;
  userId: string;
}

/**
 * Removes a member from a business (owners and admins; only an owner removes an owner), publishing
 * `business.member.removed` with the change. The last owner cannot be removed (422), also when two
 * owners remove each other at the same moment.
 */
export class RemoveMemberUseCase {
  private readonly log = getLogger('RemoveMember');

  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: RemoveMemberInput): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'members:manage');
      // As in ChangeMemberRoleUseCase: the owner count is read under the lock of every member row.
      const members = await tx.members.lockAll(input.businessId);
      const actorRole = await requireAccess(tx.roles, input.actor, input.businessId, 'members:manage');
      const target = members.find((candidate) => candidate.userId === input.userId);
      if (!target) throw new MemberNotFoundError(input.businessId, input.userId);
      assertMayManage(actorRole, { currentRole: target.role });
      if (target.role === 'owner') assertKeepsAnOwner(members, target.userId);
      await tx.members.remove(input.businessId, target.userId);
      const removedAt = new Date();
      await tx.publish(BusinessMemberRemovedV1Contract, {
        aggregateId: input.businessId,
        occurredAt: removedAt,
        payload: {
          businessId: input.businessId,
          userId: target.userId,
          role: target.role,
          removedAt: removedAt.toISOString(),
        },
      });
    });
    this.log.info('member removed', { businessId: input.businessId, userId: input.userId });
  }
}
