import type { DirectoryUser } from '../../domain/directory-user.js';

/**
 * The members directory: the users this service may make members of a business, learnt from the
 * auth-service's events.
 *
 * Contract:
 * - `record` inserts a user once: a user already there (a redelivered or duplicated event) is
 *   left as it is and `record` resolves false.
 * - `findByEmail` expects the normalised (lower-case) address.
 */
export interface MemberDirectory {
  record(user: DirectoryUser): Promise<boolean>;
  findById(userId: string): Promise<DirectoryUser | undefined>;
  findByEmail(email: string): Promise<DirectoryUser | undefined>;
}
