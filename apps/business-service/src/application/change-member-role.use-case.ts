import { BusinessMemberRoleChangedV1Contract } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { BusinessRole } from '../domain/business-role.js';
import { MemberNotFoundError } from '../domain/business.errors.js';
import { assertKeepsAnOwner, assertMayManage, type Member } from '../domain/member.js';
import { requireAccess, type Actor } from './business-access.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface ChangeMemberRoleInput {
  actor: Actor;
  businessId: string;
  userId: string;
  role: BusinessRole;
}

/**
 * Changes a member's role (owners and admins; only an owner changes ownership), publishing
 * `business.member.role-changed` with the change; the same role again changes and publishes
 * nothing. The last owner cannot be demoted (422), also when two owners demote each other at the
 * same moment.
 */
export class ChangeMemberRoleUseCase {
  private readonly log = getLogger('ChangeMemberRole');

  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: ChangeMemberRoleInput): Promise<Member> {
    const member = await this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'members:manage');
      // Every member row locked, then everything read again: a concurrent change of roles is
      // either fully before this one or waits for it, so the owner count below is the real one.
      const members = await tx.members.lockAll(input.businessId);
      const actorRole = await requireAccess(tx.roles, input.actor, input.businessId, 'members:manage');
      const target = members.find((candidate) => candidate.userId === input.userId);
      if (!target) throw new MemberNotFoundError(input.businessId, input.userId);
      assertMayManage(actorRole, { currentRole: target.role, newRole: input.role });
      if (target.role === input.role) return target;
      if (target.role === 'owner') assertKeepsAnOwner(members, target.userId);
      await tx.members.changeRole(input.businessId, target.userId, input.role);
      const changedAt = new Date();
      await tx.publish(BusinessMemberRoleChangedV1Contract, {
        aggregateId: input.businessId,
        occurredAt: changedAt,
        payload: {
          businessId: input.businessId,
          userId: target.userId,
          role: input.role,
          previousRole: target.role,
          changedAt: changedAt.toISOString(),
        },
      });
      return { ...target, role: input.role };
    });
    this.log.info('member role changed', { businessId: member.businessId, userId: member.userId, role: member.role });
    return member;
  }
}
