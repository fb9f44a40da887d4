import { validate as isUuid } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { MemberRepository, NewMembership } from '../../../application/ports/member-repository.port.js';
import type { Page, PageRequest } from '../../../application/ports/page.js';
import type { BusinessRole } from '../../../domain/business-role.js';
import type { Member } from '../../../domain/member.js';
import { cursorTimestamp, decodeCursor, encodeCursor } from './page-cursor.js';

interface MemberRow {
  business_id: string;
  user_id: string;
  // The table's CHECK constraint holds it to the four roles.
  role: BusinessRole;
  added_at: Date;
  email: string;
  display_name: string;
  cursor_at: string;
}

const MEMBER_COLUMNS = `m.business_id, m.user_id, m.role, m.added_at, d.email, d.display_name, ${cursorTimestamp('m.added_at')} AS cursor_at`;
const MEMBERS = `business_members m JOIN directory_users d ON d.user_id = m.user_id`;

/** MemberRepository on `business_members` and the directory, in the transaction of `manager`. */
export class PostgresMembers implements MemberRepository {
  constructor(private readonly manager: EntityManager) {}

  async add(membership: NewMembership): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO business_members (business_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (business_id, user_id) DO NOTHING
       RETURNING user_id`,
      [membership.businessId, membership.userId, membership.role, membership.addedAt],
    );
    return rows.length === 1;
  }

  async lockAll(businessId: string): Promise<Member[]> {
    if (!isUuid(businessId)) return [];
    // In one order, so that two transactions locking the same members cannot deadlock.
    const rows: MemberRow[] = await this.manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBERS} WHERE m.business_id = $1 ORDER BY m.user_id FOR UPDATE OF m`,
      [businessId],
    );
    return rows.map(toMember);
  }

  async find(businessId: string, userId: string): Promise<Member | undefined> {
    if (!isUuid(businessId) || !isUuid(userId)) return undefined;
    const [row]: MemberRow[] = await this.manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBERS} WHERE m.business_id = $1 AND m.user_id = $2`,
      [businessId, userId],
    );
    return row && toMember(row);
  }

  async list(businessId: string, page: PageRequest): Promise<Page<Member>> {
    const values: unknown[] = [businessId];
    let after = '';
    if (page.cursor !== undefined) {
      const [addedAt, userId] = decodeCursor(page.cursor, ['timestamp', 'uuid']);
      values.push(addedAt, userId);
      after = `AND (m.added_at, m.user_id) > ($2::timestamptz, $3::uuid)`;
    }
    values.push(page.limit + 1);
    const rows: MemberRow[] = await this.manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBERS}
        WHERE m.business_id = $1 ${after}
        ORDER BY m.added_at, m.user_id
        LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(toMember),
      ...(rows.length > page.limit && last ? { nextCursor: encodeCursor([last.cursor_at, last.user_id]) } : {}),
    };
  }

  async changeRole(businessId: string, userId: string, role: BusinessRole): Promise<void> {
    await this.manager.query(`UPDATE business_members SET role = $3 WHERE business_id = $1 AND user_id = $2`, [
      businessId,
      userId,
      role,
    ]);
  }

  async remove(businessId: string, userId: string): Promise<void> {
    await this.manager.query(`DELETE FROM business_members WHERE business_id = $1 AND user_id = $2`, [
      businessId,
      userId,
    ]);
  }
}

function toMember(row: MemberRow): Member {
  return {
    businessId: row.business_id,
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    addedAt: row.added_at,
  };
}
