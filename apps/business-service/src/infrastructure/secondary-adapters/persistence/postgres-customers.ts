import { validate as isUuid } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { CustomerFilter, CustomerRepository } from '../../../application/ports/customer-repository.port.js';
import type { Page, PageRequest } from '../../../application/ports/page.js';
import type { Address, Customer } from '../../../domain/customer.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

interface CustomerRow {
  id: string;
  business_id: string;
  name: string;
  email: string;
  address: Address | null;
  tax_id: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** CustomerRepository on `customers`, every query scoped to one business, in the transaction of `manager`. */
export class PostgresCustomers implements CustomerRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(customer: Customer): Promise<void> {
    await this.manager.query(
      `INSERT INTO customers (id, business_id, name, email, address, tax_id, archived_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        customer.id,
        customer.businessId,
        customer.name,
        customer.email,
        customer.address === null ? null : JSON.stringify(customer.address),
        customer.taxId,
        customer.archivedAt,
        customer.createdAt,
        customer.updatedAt,
      ],
    );
  }

  async find(
    businessId: string,
    customerId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Customer | undefined> {
    if (!isUuid(businessId) || !isUuid(customerId)) return undefined;
    // NO KEY UPDATE: serialises updates of the customer without blocking invoices that reference it.
    const lock = options.forUpdate ? 'FOR NO KEY UPDATE' : '';
    const [row]: CustomerRow[] = await this.manager.query(
      `SELECT * FROM customers WHERE business_id = $1 AND id = $2 ${lock}`,
      [businessId, customerId],
    );
    return row && toCustomer(row);
  }

  async update(customer: Customer): Promise<void> {
    await this.manager.query(
      `UPDATE customers SET name = $3, email = $4, address = $5, tax_id = $6, archived_at = $7, updated_at = $8
        WHERE business_id = $1 AND id = $2`,
      [
        customer.businessId,
        customer.id,
        customer.name,
        customer.email,
        customer.address === null ? null : JSON.stringify(customer.address),
        customer.taxId,
        customer.archivedAt,
        customer.updatedAt,
      ],
    );
  }

  async list(businessId: string, filter: CustomerFilter, page: PageRequest): Promise<Page<Customer>> {
    const values: unknown[] = [businessId];
    const conditions = ['business_id = $1'];
    if (filter.archived !== undefined) {
      conditions.push(filter.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL');
    }
    if (page.cursor !== undefined) {
      const [lastId] = decodeCursor(page.cursor, ['uuid']);
      values.push(lastId);
      conditions.push(`id < $${values.length}`);
    }
    values.push(page.limit + 1);
    // UUID v7 ids grow with time: newest first is id order, which customers_by_business serves.
    const rows: CustomerRow[] = await this.manager.query(
      `SELECT * FROM customers WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(toCustomer),
      ...(rows.length > page.limit && last ? { nextCursor: encodeCursor([last.id]) } : {}),
    };
  }
}

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    email: row.email,
    address: row.address,
    taxId: row.tax_id,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
