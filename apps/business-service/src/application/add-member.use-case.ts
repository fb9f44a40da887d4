import { BusinessMemberAddedV1Contract } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { BusinessRole } from '../domain/business-role.js';
import { AlreadyMemberError, BusinessNotFoundError, MemberNotInDirectoryError } from '../domain/business.errors.js';
import { isEmailAddress, normaliseEmail } from '../domain/email-address.js';
import { assertMayManage, type Member } from '../domain/member.js';
import { requireAccess, type Actor } from './business-access.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface AddMemberInput {
  actor: Actor;
  businessId: string;
  /** Of a user in the members directory, any case. */
  email: string;
  role: BusinessRole;
}

/**
 * Adds a registered user to a business by e-mail (owners and admins; only an owner makes an
 * owner), publishing `business.member.added`. A user the directory does not know is a 422, one who
 * is a member already a 409.
 */
export class AddMemberUseCase {
  private readonly log = getLogger('AddMember');

  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: AddMemberInput): Promise<Member> {
    const member = await this.unitOfWork.run(async (tx) => {
      const actorRole = await requireAccess(tx.roles, input.actor, input.businessId, 'members:manage');
      assertMayManage(actorRole, { newRole: input.role });
      const business = await tx.businesses.findById(input.businessId);
      if (!business) throw new BusinessNotFoundError(input.businessId);
      // An address that is not well-formed finds no one: the same answer as an unknown one, without
      // a query (the contract allows any text, NUL included, which PostgreSQL would refuse).
      const user = isEmailAddress(input.email)
        ? await tx.directory.findByEmail(normaliseEmail(input.email))
        : undefined;
      if (!user) throw new MemberNotInDirectoryError(input.businessId);
      const addedAt = new Date();
      const added = await tx.members.add({ businessId: business.id, userId: user.userId, role: input.role, addedAt });
      if (!added) throw new AlreadyMemberError(business.id, user.userId);
      await tx.publish(BusinessMemberAddedV1Contract, {
        aggregateId: business.id,
        occurredAt: addedAt,
        payload: {
          businessId: business.id,
          businessName: business.name,
          userId: user.userId,
          email: user.email,
          displayName: user.displayName,
          role: input.role,
          addedAt: addedAt.toISOString(),
        },
      });
      return {
        businessId: business.id,
        userId: user.userId,
        email: user.email,
        displayName: user.displayName,
        role: input.role,
        addedAt,
      };
    });
    this.log.info('member added', { businessId: member.businessId, userId: member.userId, role: member.role });
    return member;
  }
}
