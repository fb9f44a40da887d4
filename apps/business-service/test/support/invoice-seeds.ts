import { v7 as uuidv7 } from 'uuid';
import type { BusinessRole } from '../../src/domain/business-role.js';

/** Runs one SQL statement: a DataSource's or a pg client's `query`. */
export type Sql = (text: string, values: unknown[]) => Promise<unknown>;

/** A business made for a test, with one member per role. */
export interface SeededBusiness {
  businessId: string;
  name: string;
  prefix: string;
  currency: string;
  users: Record<BusinessRole, string>;
}

let seeded = 0;

/**
 * A business with an owner, an admin, an accountant and a viewer, written with SQL (the rows the
 * businesses and members use cases write), so invoice tests need nothing else of the service.
 */
export async function seedBusiness(
  sql: Sql,
  overrides: { name?: string; prefix?: string; currency?: string } = {},
): Promise<SeededBusiness> {
  seeded += 1;
  const businessId = uuidv7();
  const name = overrides.name ?? `Business ${seeded}`;
  const prefix = overrides.prefix ?? `B${seeded}`;
  const currency = overrides.currency ?? 'EUR';
  await sql(
    `INSERT INTO businesses (id, name, currency, invoice_prefix, created_at, updated_at) VALUES ($1, $2, $3, $4, now(), now())`,
    [businessId, name, currency, prefix],
  );
  const users = {} as Record<BusinessRole, string>;
  for (const role of ['owner', 'admin', 'accountant', 'viewer'] as const) {
    const userId = uuidv7();
    await sql(`INSERT INTO directory_users (user_id, email, display_name, registered_at) VALUES ($1, $2, $3, now())`, [
      userId,
      `${role}.${userId}@example.com`,
      `${role} of ${name}`,
    ]);
    await sql(`INSERT INTO business_members (business_id, user_id, role, added_at) VALUES ($1, $2, $3, now())`, [
      businessId,
      userId,
      role,
    ]);
    users[role] = userId;
  }
  return { businessId, name, prefix, currency, users };
}

/** A customer of `businessId`; `email` is stored as given (a test may want one no e-mail can go to). */
export async function seedCustomer(
  sql: Sql,
  businessId: string,
  overrides: { name?: string; email?: string; archived?: boolean } = {},
): Promise<string> {
  seeded += 1;
  const customerId = uuidv7();
  await sql(
    `INSERT INTO customers (id, business_id, name, email, archived_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, now(), now())`,
    [
      customerId,
      businessId,
      overrides.name ?? `Customer ${seeded}`,
      overrides.email ?? `billing${seeded}@customer.example`,
      overrides.archived ? new Date() : null,
    ],
  );
  return customerId;
}
