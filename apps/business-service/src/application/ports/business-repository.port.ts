import type { BusinessRole } from '../../domain/business-role.js';
import type { Business } from '../../domain/business.js';
import type { Page, PageRequest } from './page.js';

/** A business with the role one member holds in it. */
export interface MembershipOf {
  business: Business;
  role: BusinessRole;
}

/**
 * The businesses. Contract:
 * - `findById` resolves undefined for an id that is not a business (also one that is not a UUID);
 *   tenant checks come first (`requireAccess`), this does not check membership. With
 *   `{ forUpdate: true }` the row stays locked against other updates until the transaction ends
 *   (rows that reference it, invoices and members, can still be written).
 * - `listForMember` lists only the businesses `userId` is a member of, newest first; a cursor it
 *   did not issue throws InvalidCursorError.
 */
export interface BusinessRepository {
  insert(business: Business): Promise<void>;
  findById(businessId: string, options?: { forUpdate?: boolean }): Promise<Business | undefined>;
  update(business: Business): Promise<void>;
  listForMember(userId: string, page: PageRequest): Promise<Page<MembershipOf>>;
}
