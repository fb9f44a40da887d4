import { validate as isUuid } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { BusinessRepository, MembershipOf } from '../../../application/ports/business-repository.port.js';
import type { Page, PageRequest } from '../../../application/ports/page.js';
import type { BusinessRole } from '../../../domain/business-role.js';
import type { Business } from '../../../domain/business.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

interface BusinessRow {
  id: string;
  name: string;
  currency: string;
  invoice_prefix: string;
  created_at: Date;
  updated_at: Date;
}

/** BusinessRepository on `businesses`, in the transaction of `manager`. */
export class PostgresBusinesses implements BusinessRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(business: Business): Promise<void> {
    await this.manager.query(
      `INSERT INTO businesses (id, name, currency, invoice_prefix, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [business.id, business.name, business.currency, business.invoicePrefix, business.createdAt, business.updatedAt],
    );
  }

  async findById(businessId: string, options: { forUpdate?: boolean } = {}): Promise<Business | undefined> {
    if (!isUuid(businessId)) return undefined;
    // NO KEY UPDATE: serialises updates of the business without blocking inserts that reference it.
    const lock = options.forUpdate ? 'FOR NO KEY UPDATE' : '';
    const [row]: BusinessRow[] = await this.manager.query(`SELECT * FROM businesses WHERE id = $1 ${lock}`, [
      businessId,
    ]);
    return row && toBusiness(row);
  }

  async update(business: Business): Promise<void> {
    await this.manager.query(`UPDATE businesses SET name = $2, invoice_prefix = $3, updated_at = $4 WHERE id = $1`, [
      business.id,
      business.name,
      business.invoicePrefix,
      business.updatedAt,
    ]);
  }

  async listForMember(userId: string, page: PageRequest): Promise<Page<MembershipOf>> {
    const values: unknown[] = [userId];
    let after = '';
    if (page.cursor !== undefined) {
      const [lastId] = decodeCursor(page.cursor, ['uuid']);
      values.push(lastId);
      after = `AND m.business_id < $${values.length}`;
    }
    values.push(page.limit + 1);
    // UUID v7 ids grow with time: id order is creation order, and the member index serves it.
    const rows: (BusinessRow & { role: BusinessRole })[] = await this.manager.query(
      `SELECT b.*, m.role
         FROM business_members m JOIN businesses b ON b.id = m.business_id
        WHERE m.user_id = $1 ${after}
        ORDER BY m.business_id DESC
        LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      // The table's CHECK constraint holds role to the four roles.
      items: items.map((row) => ({ business: toBusiness(row), role: row.role })),
      ...(rows.length > page.limit && last ? { nextCursor: encodeCursor([last.id]) } : {}),
    };
  }
}

function toBusiness(row: BusinessRow): Business {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    invoicePrefix: row.invoice_prefix,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
