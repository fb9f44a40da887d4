import type { BusinessRole } from '../../domain/business-role.js';
import type { Member } from '../../domain/member.js';
import type { Page, PageRequest } from './page.js';

/** A new membership: a user of the directory, their role in a business, since when. */
export interface NewMembership {
  businessId: string;
  userId: string;
  role: BusinessRole;
  addedAt: Date;
}

/**
 * The members of businesses. Contract:
 * - `add` resolves false, changing nothing, when the user is a member already.
 * - `lockAll` resolves every member of the business and holds their rows locked until the
 *   transaction ends: a use case that checks "an owner remains" reads under this lock, so two
 *   concurrent demotions or removals see each other's result and cannot both pass the check.
 * - `list` pages the members in the order they joined; a cursor it did not issue throws
 *   InvalidCursorError.
 */
export interface MemberRepository {
  add(membership: NewMembership): Promise<boolean>;
  lockAll(businessId: string): Promise<Member[]>;
  list(businessId: string, page: PageRequest): Promise<Page<Member>>;
  find(businessId: string, userId: string): Promise<Member | undefined>;
  changeRole(businessId: string, userId: string, role: BusinessRole): Promise<void>;
  remove(businessId: string, userId: string): Promise<void>;
}
