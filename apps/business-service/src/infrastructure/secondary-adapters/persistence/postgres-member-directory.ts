import type { EntityManager } from 'typeorm';
import type { MemberDirectory } from '../../../application/ports/member-directory.port.js';
import type { DirectoryUser } from '../../../domain/directory-user.js';
import { ERASED_USER } from '../../../domain/erased-user.js';

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

  async erase(userId: string, erasedAt: Date): Promise<boolean> {
    // The row is kept (memberships reference it, and it stops late registrations); an unknown user
    // gets a tombstone with no registration time. `xmax = 0` tells an insert from an update.
    const rows: { anonymised: boolean }[] = await this.manager.query(
      `INSERT INTO directory_users (user_id, email, display_name, registered_at, erased_at)
       VALUES ($1, $2, $3, NULL, $4)
       ON CONFLICT (user_id) DO UPDATE
          SET email = EXCLUDED.email, display_name = EXCLUDED.display_name, erased_at = EXCLUDED.erased_at
        WHERE directory_users.erased_at IS NULL
       RETURNING (xmax <> 0) AS anonymised`,
      [userId, ERASED_USER.email, ERASED_USER.displayName, erasedAt],
    );
    return rows[0]?.anonymised === true;
  }

  async isErased(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM directory_users WHERE user_id = $1 AND erased_at IS NOT NULL`,
      [userId],
    );
    return rows.length === 1;
  }

  // Erased users are kept as rows but are no one: they are never found, by id or by address.
  // FOR SHARE: an erasure (an UPDATE of the row) waits for a transaction that may copy the user's
  // e-mail into an event, and then finds that event in the outbox; one that comes after it finds no one.
  private async findOne(condition: string, value: string): Promise<DirectoryUser | undefined> {
    const [row]: DirectoryRow[] = await this.manager.query(
      `SELECT user_id, email, display_name, registered_at FROM directory_users
        WHERE ${condition} AND erased_at IS NULL
          FOR SHARE`,
      [value],
    );
    return (
      row && { userId: row.user_id, email: row.email, displayName: row.display_name, registeredAt: row.registered_at }
    );
  }
}
