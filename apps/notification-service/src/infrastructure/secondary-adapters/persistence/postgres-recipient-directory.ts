import type { EntityManager } from 'typeorm';
import type {
  KnownInvoice,
  KnownMembership,
  KnownUser,
  RecipientDirectory,
} from '../../../application/ports/recipient-directory.port.js';
import { isErased } from './erased-users.js';

/** The read models in PostgreSQL, through the consumer's transaction. */
export class PostgresRecipientDirectory implements RecipientDirectory {
  constructor(private readonly manager: EntityManager) {}

  isErased(userId: string): Promise<boolean> {
    return isErased(this.manager, userId);
  }

  async saveUser(user: KnownUser, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO known_users (user_id, email, display_name, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name,
         updated_at = EXCLUDED.updated_at
       WHERE known_users.updated_at < EXCLUDED.updated_at`,
      [user.userId, user.email, user.displayName, at],
    );
  }

  async findUser(userId: string): Promise<KnownUser | undefined> {
    const rows = (await this.manager.query(`SELECT user_id, email, display_name FROM known_users WHERE user_id = $1`, [
      userId,
    ])) as { user_id: string; email: string; display_name: string }[];
    const row = rows[0];
    return row && { userId: row.user_id, email: row.email, displayName: row.display_name };
  }

  async saveBusiness(business: { businessId: string; name: string; ownerUserId: string }, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO known_businesses (business_id, name, owner_user_id, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (business_id) DO UPDATE SET name = EXCLUDED.name, owner_user_id = EXCLUDED.owner_user_id,
         updated_at = EXCLUDED.updated_at
       WHERE known_businesses.updated_at < EXCLUDED.updated_at`,
      [business.businessId, business.name, business.ownerUserId, at],
    );
  }

  // Member events of one user apply in the order of their time; on a tie the later processed wins
  // (events of one business share a partition, so that is the later published).
  async saveMember(member: KnownMembership, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO known_business_members (business_id, user_id, role, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (business_id, user_id) DO UPDATE SET role = EXCLUDED.role, updated_at = EXCLUDED.updated_at,
         removed_at = NULL
       WHERE known_business_members.updated_at <= EXCLUDED.updated_at`,
      [member.businessId, member.userId, member.role, at],
    );
  }

  async removeMember(member: KnownMembership, at: Date): Promise<void> {
    // Inserted when nothing of the member is known yet: a tombstone for the events still to come.
    await this.manager.query(
      `INSERT INTO known_business_members (business_id, user_id, role, updated_at, removed_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (business_id, user_id) DO UPDATE SET role = EXCLUDED.role, updated_at = EXCLUDED.updated_at,
         removed_at = EXCLUDED.removed_at
       WHERE known_business_members.updated_at <= EXCLUDED.updated_at`,
      [member.businessId, member.userId, member.role, at],
    );
  }

  async findOwner(businessId: string): Promise<KnownUser | undefined> {
    const rows = (await this.manager.query(
      `SELECT u.user_id, u.email, u.display_name
         FROM known_business_members m
         JOIN known_users u ON u.user_id = m.user_id
         LEFT JOIN known_businesses b ON b.business_id = m.business_id
        WHERE m.business_id = $1 AND m.role = 'owner' AND m.removed_at IS NULL
        ORDER BY COALESCE(m.user_id = b.owner_user_id, false) DESC, m.updated_at, m.user_id
        LIMIT 1`,
      [businessId],
    )) as { user_id: string; email: string; display_name: string }[];
    const row = rows[0];
    return row && { userId: row.user_id, email: row.email, displayName: row.display_name };
  }

  async saveInvoice(invoice: KnownInvoice, at: Date): Promise<void> {
    // A later event without names (v1) keeps the names an earlier one gave.
    await this.manager.query(
      `INSERT INTO known_invoices (invoice_id, business_id, business_name, number, customer_id, customer_name,
                                   customer_email, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (invoice_id) DO UPDATE SET
         business_name = COALESCE(EXCLUDED.business_name, known_invoices.business_name),
         number = EXCLUDED.number,
         customer_id = COALESCE(EXCLUDED.customer_id, known_invoices.customer_id),
         customer_name = COALESCE(EXCLUDED.customer_name, known_invoices.customer_name),
         customer_email = EXCLUDED.customer_email,
         updated_at = EXCLUDED.updated_at
       WHERE known_invoices.updated_at <= EXCLUDED.updated_at`,
      [
        invoice.invoiceId,
        invoice.businessId,
        invoice.businessName,
        invoice.number,
        invoice.customerId,
        invoice.customerName,
        invoice.customerEmail,
        at,
      ],
    );
  }

  async findInvoice(invoiceId: string): Promise<KnownInvoice | undefined> {
    const rows = (await this.manager.query(
      `SELECT invoice_id, business_id, business_name, number, customer_id, customer_name, customer_email
         FROM known_invoices WHERE invoice_id = $1`,
      [invoiceId],
    )) as {
      invoice_id: string;
      business_id: string;
      business_name: string | null;
      number: string;
      customer_id: string | null;
      customer_name: string | null;
      customer_email: string;
    }[];
    const row = rows[0];
    return (
      row && {
        invoiceId: row.invoice_id,
        businessId: row.business_id,
        businessName: row.business_name,
        number: row.number,
        customerId: row.customer_id,
        customerName: row.customer_name,
        customerEmail: row.customer_email,
      }
    );
  }

  async markInvoiceVoided(invoiceId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE known_invoices SET voided_at = $2 WHERE invoice_id = $1`, [invoiceId, at]);
  }
}
