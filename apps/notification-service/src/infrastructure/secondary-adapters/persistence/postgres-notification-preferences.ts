import type { DataSource } from 'typeorm';
import type { NotificationPreferences } from '../../../application/ports/notification-reads.port.js';
import type { Category } from '../../../domain/notification.js';

/** Unsubscribes in `notification_preferences (recipient, category)`, the rows the suppression check reads. */
export class PostgresNotificationPreferences implements NotificationPreferences {
  constructor(private readonly dataSource: DataSource) {}

  async isUnsubscribed(recipient: string, category: Category): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM notification_preferences WHERE recipient = $1 AND category = $2`,
      [recipient, category],
    )) as unknown[];
    return rows.length > 0;
  }

  async unsubscribe(recipient: string, category: Category, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (recipient, category, unsubscribed_at) VALUES ($1, $2, $3)
       ON CONFLICT (recipient, category) DO NOTHING`,
      [recipient, category, at],
    );
  }

  async resubscribe(recipient: string, category: Category): Promise<void> {
    await this.dataSource.query(`DELETE FROM notification_preferences WHERE recipient = $1 AND category = $2`, [
      recipient,
      category,
    ]);
  }
}
