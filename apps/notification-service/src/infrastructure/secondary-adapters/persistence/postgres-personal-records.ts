import { forgetIdempotentRequests } from '@platform/messaging';
import type { EntityManager } from 'typeorm';
import type { PersonalRecords } from '../../../application/ports/erasure.port.js';
import { lockUserForErasure } from './erased-users.js';

/** A person's rows in PostgreSQL, erased through the consumer's transaction. */
export class PostgresPersonalRecords implements PersonalRecords {
  constructor(private readonly manager: EntityManager) {}

  async erase(userId: string, at: Date): Promise<number | undefined> {
    await lockUserForErasure(this.manager, userId);
    const tombstone = (await this.manager.query(
      `INSERT INTO erased_users (user_id, erased_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [userId, at],
    )) as unknown[];
    if (tombstone.length === 0) return undefined;
    const users = (await this.manager.query(`SELECT email FROM known_users WHERE user_id = $1`, [userId])) as {
      email: string;
    }[];
    const email = users[0]?.email ?? null;
    // E-mails to their address carry no user id when it came from an invoice (a customer's address).
    // Webhook deliveries' recipients are endpoint ids, so only theirs match. Attempts go by cascade.
    return (
      (await this.deleted(`DELETE FROM notifications WHERE user_id = $1 OR recipient = $2`, [userId, email])) +
      (await this.deleted(`DELETE FROM notification_preferences WHERE recipient = $1`, [email])) +
      (await this.deleted(`DELETE FROM known_business_members WHERE user_id = $1`, [userId])) +
      (await this.deleted(`DELETE FROM known_users WHERE user_id = $1`, [userId])) +
      (await forgetIdempotentRequests(this.manager, userId))
    );
  }

  private async deleted(sql: string, parameters: unknown[]): Promise<number> {
    const [, count] = (await this.manager.query(sql, parameters)) as [unknown, number];
    return count ?? 0;
  }
}
