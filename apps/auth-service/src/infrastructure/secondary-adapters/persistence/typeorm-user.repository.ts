import { validate as isUuid } from 'uuid';
import type { EntityManager } from 'typeorm';
import { InvalidCursorError } from '../../../application/invalid-cursor.error.js';
import type { UserListQuery, UserPage, UserRepository } from '../../../application/ports/user-repository.port.js';
import { EmailTakenError } from '../../../domain/auth.errors.js';
import { DisplayName } from '../../../domain/display-name.js';
import { Email } from '../../../domain/email.js';
import type { Role } from '../../../domain/role.js';
import { User } from '../../../domain/user.js';
import { UserEntity } from './entities/user.entity.js';
import { isUniqueViolation } from './postgres-errors.js';
import type { TypeOrmRepositoryOptions } from './typeorm-repository-options.js';

const EMAIL_UNIQUE_CONSTRAINT = 'users_email_unique';

// created_at to the microsecond, as text: a cursor rounded to milliseconds would repeat or skip a
// row whose timestamp has microseconds (one written by hand or by another tool).
const CURSOR_AT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CURSOR_AT_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  created_at: Date;
  password_changed_at: Date;
  tokens_valid_after: Date | null;
  erased_at: Date | null;
  cursor_at: string;
}

interface Cursor {
  createdAt: string;
  id: string;
}

/**
 * UserRepository on PostgreSQL through TypeORM. Built per transaction by the unit of work
 * (`lock: true`) and once over the DataSource's manager for plain reads (`lock: false`).
 */
export class TypeOrmUserRepository implements UserRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly options: TypeOrmRepositoryOptions,
  ) {}

  async findById(id: string): Promise<User | undefined> {
    // Not a UUID: no such user (PostgreSQL would refuse the comparison with an error).
    if (!isUuid(id)) return undefined;
    return this.findOne('u.id = :id', { id });
  }

  findByEmail(email: Email): Promise<User | undefined> {
    return this.findOne('u.email = :email', { email: email.value });
  }

  async save(user: User): Promise<void> {
    const state = user.toState();
    try {
      await this.manager.query(
        `INSERT INTO users (id, email, display_name, password_hash, roles, created_at, password_changed_at, tokens_valid_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET
           email = EXCLUDED.email,
           display_name = EXCLUDED.display_name,
           password_hash = EXCLUDED.password_hash,
           roles = EXCLUDED.roles,
           created_at = EXCLUDED.created_at,
           password_changed_at = EXCLUDED.password_changed_at,
           tokens_valid_after = EXCLUDED.tokens_valid_after`,
        [
          state.id,
          state.email.value,
          state.displayName.value,
          state.passwordHash,
          state.roles,
          state.createdAt,
          state.passwordChangedAt,
          state.tokensValidAfter ?? null,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_UNIQUE_CONSTRAINT)) throw new EmailTakenError();
      throw error;
    }
  }

  async list(query: UserListQuery): Promise<UserPage> {
    const { filter, limit } = query;
    const conditions: string[] = ['erased_at IS NULL'];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (filter.role !== undefined) conditions.push(`${param(filter.role)} = ANY(roles)`);
    if (filter.emailContains !== undefined && filter.emailContains !== '') {
      conditions.push(`email ILIKE ${param(`%${escapeLike(filter.emailContains)}%`)} ESCAPE '\\'`);
    }
    if (filter.createdAfter !== undefined) conditions.push(`created_at > ${param(filter.createdAfter)}`);
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor);
      conditions.push(`(created_at, id) > (${param(after.createdAt)}::timestamptz, ${param(after.id)}::uuid)`);
    }
    const where = `WHERE ${conditions.join(' AND ')}`;
    // One row more than asked tells whether there is a next page, without a count.
    const rows: UserRow[] = await this.manager.query(
      `SELECT *, ${CURSOR_AT} AS cursor_at FROM users ${where} ORDER BY created_at, id LIMIT ${param(limit + 1)}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toUser(fromRow(row))),
      ...(rows.length > limit && last ? { nextCursor: encodeCursor({ createdAt: last.cursor_at, id: last.id }) } : {}),
    };
  }

  async erase(user: User, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE users SET email = NULL, display_name = NULL, password_hash = NULL,
                        erased_at = $2, tokens_valid_after = $3
        WHERE id = $1 AND erased_at IS NULL`,
      [user.id, at, user.tokensValidAfter ?? null],
    );
  }

  async lockActiveAdminIds(): Promise<string[]> {
    const lock = this.options.lock ? 'FOR UPDATE' : '';
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM users WHERE 'admin' = ANY(roles) AND erased_at IS NULL ORDER BY id ${lock}`,
    );
    return rows.map((row) => row.id);
  }

  private async findOne(where: string, parameters: Record<string, unknown>): Promise<User | undefined> {
    const builder = this.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(where, parameters)
      .andWhere('u.erasedAt IS NULL');
    if (this.options.lock) builder.setLock('pessimistic_write');
    const entity = await builder.getOne();
    return entity ? toUser(entity) : undefined;
  }
}

function toUser(entity: UserEntity): User {
  // Erased rows are filtered out by every query; one here is a bug, not a user.
  if (entity.email === null || entity.displayName === null || entity.passwordHash === null) {
    throw new Error(`user ${entity.id} is erased and cannot be restored`);
  }
  return User.restore({
    id: entity.id,
    email: Email.parse(entity.email),
    displayName: DisplayName.parse(entity.displayName),
    passwordHash: entity.passwordHash,
    // Kept as stored, unknown ones included: a role written by a newer build must survive a save
    // by this one (it grants nothing here, see permissionsOf).
    roles: entity.roles as Role[],
    createdAt: entity.createdAt,
    passwordChangedAt: entity.passwordChangedAt,
    ...(entity.tokensValidAfter ? { tokensValidAfter: entity.tokensValidAfter } : {}),
  });
}

function fromRow(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: row.roles,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    tokensValidAfter: row.tokens_valid_after,
    erasedAt: row.erased_at,
  });
}

/** `%`, `_` and the escape character itself match only themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

/** The position a cursor of `encodeCursor` holds; InvalidCursorError for anything else. */
function decodeCursor(cursor: string): Cursor {
  // Node's base64url decoder skips characters it does not know; re-encoding must give the input back.
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw new InvalidCursorError();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) throw new InvalidCursorError();
  let decoded: unknown;
  try {
    decoded = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw new InvalidCursorError();
  const [createdAt, id] = decoded as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError();
  if (!CURSOR_AT_FORMAT.test(createdAt)) throw new InvalidCursorError();
  // A real instant: "2026-02-30" passes the pattern but PostgreSQL would fail the query on it.
  const milliseconds = `${createdAt.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== milliseconds) throw new InvalidCursorError();
  return { createdAt, id };
}
