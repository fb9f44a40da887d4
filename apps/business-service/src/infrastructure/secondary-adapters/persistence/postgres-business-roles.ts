import type { EntityManager } from 'typeorm';
import { validate as isUuid } from 'uuid';
import type { BusinessRoles } from '../../../application/ports/business-roles.port.js';
import { isBusinessRole, type BusinessRole } from '../../../domain/business-role.js';

/** BusinessRoles on `business_members`, in the transaction of `manager`. */
export class PostgresBusinessRoles implements BusinessRoles {
  constructor(private readonly manager: EntityManager) {}

  async roleOf(businessId: string, userId: string): Promise<BusinessRole | undefined> {
    // Any id may come from a URL: one that is not a UUID is no business (PostgreSQL would refuse the comparison).
    if (!isUuid(businessId) || !isUuid(userId)) return undefined;
    const [row]: { role: string }[] = await this.manager.query(
      `SELECT role FROM business_members WHERE business_id = $1 AND user_id = $2`,
      [businessId, userId],
    );
    return isBusinessRole(row?.role) ? row.role : undefined;
  }
}
