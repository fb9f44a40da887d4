import { roleGrants, type BusinessPermission, type BusinessRole } from '../domain/business-role.js';
import { BusinessForbiddenError, BusinessNotFoundError } from '../domain/business.errors.js';
import type { BusinessRoles } from './ports/business-roles.port.js';

/** The user a use case acts for: the identity the gateway signed. */
export interface Actor {
  userId: string;
}

/**
 * The tenant check every use case starts with: the actor must be a member of the business (else
 * 404, the same as a business that does not exist) and hold a role that grants `permission`
 * (else 403). Resolves the actor's role.
 */
export async function requireAccess(
  roles: BusinessRoles,
  actor: Actor,
  businessId: string,
  permission: BusinessPermission,
): Promise<BusinessRole> {
  const role = await roles.roleOf(businessId, actor.userId);
  if (!role) throw new BusinessNotFoundError(businessId);
  if (!roleGrants(role, permission)) throw new BusinessForbiddenError(permission, { businessId, role });
  return role;
}
