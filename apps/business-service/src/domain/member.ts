import type { BusinessRole } from './business-role.js';
import { BusinessForbiddenError, LastOwnerError } from './business.errors.js';

/** A user's membership of one business, with what the directory knows of the user. */
export interface Member {
  businessId: string;
  userId: string;
  email: string;
  displayName: string;
  role: BusinessRole;
  addedAt: Date;
}

/**
 * Ownership is an owner's call: an admin manages the team, but only an owner may make someone an
 * owner, or change or remove an owner. Throws BusinessForbiddenError (403) otherwise.
 */
export function assertMayManage(
  actorRole: BusinessRole,
  change: { currentRole?: BusinessRole; newRole?: BusinessRole },
): void {
  const touchesOwnership = change.currentRole === 'owner' || change.newRole === 'owner';
  if (touchesOwnership && actorRole !== 'owner') {
    throw new BusinessForbiddenError('members:manage-owners', { role: actorRole });
  }
}

/**
 * A business always keeps an owner: `members` are all of its members (read under their lock),
 * and `userId` is about to lose the owner role (demoted or removed). Throws LastOwnerError (422)
 * when they are its only owner.
 */
export function assertKeepsAnOwner(members: readonly Pick<Member, 'userId' | 'role'>[], userId: string): void {
  const owners = members.filter((member) => member.role === 'owner');
  if (owners.length === 1 && owners[0]?.userId === userId) throw new LastOwnerError();
}
