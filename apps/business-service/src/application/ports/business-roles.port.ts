import type { BusinessRole } from '../../domain/business-role.js';

/**
 * Who holds which role in which business. Contract: `roleOf` resolves undefined when the user is
 * not a member, whether or not the business exists.
 */
export interface BusinessRoles {
  roleOf(businessId: string, userId: string): Promise<BusinessRole | undefined>;
}
