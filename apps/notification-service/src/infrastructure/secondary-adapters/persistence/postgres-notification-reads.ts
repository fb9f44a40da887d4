import type { DataSource } from 'typeorm';
import type {
  NotificationFilter,
  NotificationReads,
  NotificationView,
} from '../../../application/ports/notification-reads.port.js';
import type { Channel, NotificationStatus } from '../../../domain/notification.js';

interface NotificationRow {
  id: string;
  channel: Channel;
  template: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  recipient: string;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = 'id, channel, template, status, attempts, last_error, recipient, created_at, sent_at';

/** The public lists' reads (indexes notifications_by_user / notifications_by_business serve them). */
export class PostgresNotificationReads implements NotificationReads {
  constructor(private readonly dataSource: DataSource) {}

  listForUser(userId: string, filter: NotificationFilter): Promise<NotificationView[]> {
    return this.list('user_id', userId, filter);
  }

  listForBusiness(businessId: string, filter: NotificationFilter): Promise<NotificationView[]> {
    return this.list('business_id', businessId, filter);
  }

  async isMemberOf(businessId: string, userId: string): Promise<boolean> {
    // The creator has a member row too (from business.business.created), so a removed creator is out.
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM known_business_members WHERE business_id = $1 AND user_id = $2 AND removed_at IS NULL`,
      [businessId, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  async emailOf(userId: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query(`SELECT email FROM known_users WHERE user_id = $1`, [userId])) as {
      email: string;
    }[];
    return rows[0]?.email;
  }

  private async list(
    owner: 'user_id' | 'business_id',
    id: string,
    filter: NotificationFilter,
  ): Promise<NotificationView[]> {
    const conditions = [`${owner} = $1`];
    const parameters: unknown[] = [id];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (filter.afterId !== undefined) add('id < ?', filter.afterId);
    if (filter.status !== undefined) add('status = ?', filter.status);
    if (filter.channel !== undefined) add('channel = ?', filter.channel);
    parameters.push(filter.take);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT $${parameters.length}`,
      parameters,
    )) as NotificationRow[];
    return rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      template: row.template,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      recipient: row.recipient,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    }));
  }
}
