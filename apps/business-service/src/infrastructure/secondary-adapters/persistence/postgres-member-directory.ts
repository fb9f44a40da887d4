import type { EntityManager } from 'typeorm';
import type { MemberDirectory } from '../../../application/ports/member-directory.port.js';
import type { DirectoryUser } from '../../../domain/directory-user.js';

interface DirectoryRow {
  user_id: string;
  email: string;
  display_name: string;
  registered_at: Date;
}

/** MemberDirectory on `directory_users`, in the transaction of `manager`. */
export class PostgresMemberDirectory implements MemberDirectory {
  constructor(private readonly manager: EntityManager) {}

  async record(user: DirectoryUser): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO directory_users (user_id, email, display_name, registered_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING
       RETURNING user_id`,
      [user.userId, user.email, user.displayName, user.registeredAt],
    );
    return rows.length === 1;
  }

  findById(userId: string): Promise<DirectoryUser | undefined> {
    return this.findOne('user_id = $1', userId);
  }

  findByEmail(email: string): Promise<DirectoryUser | undefined> {
    return this.findOne('email = $1', email);
  }

  private async findOne(condition: string, value: string): Promise<DirectoryUser | undefined> {
    const [row]: DirectoryRow[] = await this.manager.query(
      `SELECT user_id, email, display_name, registered_at FROM directory_users WHERE ${condition}`,
      [value],
    );
    return (
      row && { userId: row.user_id, email: row.email, displayName: row.display_name, registeredAt: row.registered_at }
    );
  }
}
