import type { DirectoryUser } from '../../domain/directory-user.js';

/**
 * The members directory: the users this service may make members of a business, learnt from the
 * auth-service's events.
 *
 * Contract:
 * - `record` inserts a user once: a user already there (a redelivered or duplicated event, or an
 *   erased user) is left as it is and `record` resolves false.
 * - `findById` and `findByEmail` find users who are not erased; `findByEmail` expects the
 *   normalised (lower-case) address. The user found stays locked against `erase` until the
 *   transaction ends, so an erasure never misses an event that copies the user's data.
 * - `erase` replaces the user's e-mail and display name with `ERASED_USER` and marks them erased;
 *   their memberships stay. A user the directory never knew gets an erased row too (a tombstone),
 *   so that a registration event arriving late never brings them back. Resolves true when a row
 *   that held personal data changed, false when there was none (unknown or already erased).
 * - `isErased` tells whether the user id was erased.
 */
export interface MemberDirectory {
  record(user: DirectoryUser): Promise<boolean>;
  findById(userId: string): Promise<DirectoryUser | undefined>;
  findByEmail(email: string): Promise<DirectoryUser | undefined>;
  erase(userId: string, erasedAt: Date): Promise<boolean>;
  isErased(userId: string): Promise<boolean>;
}
