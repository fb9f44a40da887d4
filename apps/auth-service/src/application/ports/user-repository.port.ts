import type { Email } from '../../domain/email.js';
import type { Role } from '../../domain/role.js';
import type { User } from '../../domain/user.js';

/** Which users a listing returns; every filter given must hold. */
export interface UserListFilter {
  role?: Role;
  /** Substring of the normalised address, case-insensitive; `%` and `_` match themselves. */
  emailContains?: string;
  /** Users created strictly after this instant. */
  createdAfter?: Date;
}

export interface UserListQuery {
  filter: UserListFilter;
  /** 1–100, checked by the use case. */
  limit: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  cursor?: string;
}

export interface UserPage {
  items: User[];
  /** Opaque; present only when more users match after the last item. */
  nextCursor?: string;
}

/**
 * Users by id and e-mail address.
 *
 * Contract:
 * - `findById` and `findByEmail` resolve `undefined` when there is no such user, never throw for it.
 *   `findByEmail` matches the normalised address exactly (Email is already lower-case).
 * - Inside a unit of work, both lock the row they return until commit (`SELECT … FOR UPDATE`),
 *   so two read-modify-write use cases on one user are serialised, not lost updates. Use cases
 *   lock a user before its refresh tokens, never the other way round, so they cannot deadlock.
 *   Outside a unit of work they read the last committed state and lock nothing.
 * - `save` inserts a new user or updates every field of an existing one (by id). When another
 *   user already has the e-mail address it throws EmailTakenError (the unique constraint is
 *   the authority; a use case's earlier check only spares work).
 * - `list` orders by `createdAt`, then `id`, ascending, and returns at most `limit` users after
 *   `cursor`. The cursor is opaque to callers (it encodes the last createdAt and id); a cursor
 *   this adapter did not issue throws InvalidCursorError. Pages are stable while users are
 *   added: new users appear on later pages, never twice.
 * - Timestamps are stored as UTC `timestamptz`, ids as `uuid`; roles round-trip in order.
 * - An erased user is no user: `findById`, `findByEmail` and `list` never return one, and its id
 *   is never given to another (docs/decisions/0015).
 * - `erase` deletes the user's e-mail, display name and password hash for good, keeps the id, the
 *   roles and `tokensValidAfter` as the user has them, and marks the row erased at `at`.
 * - `lockActiveAdminIds` resolves the ids of the users (not erased) holding `admin`; inside a unit
 *   of work it locks their rows in id order, so that two erasures cannot both remove "one of two"
 *   admins. Call it before locking any single user.
 */
export interface UserRepository {
  findById(id: string): Promise<User | undefined>;
  findByEmail(email: Email): Promise<User | undefined>;
  save(user: User): Promise<void>;
  list(query: UserListQuery): Promise<UserPage>;
  erase(user: User, at: Date): Promise<void>;
  lockActiveAdminIds(): Promise<string[]>;
}
