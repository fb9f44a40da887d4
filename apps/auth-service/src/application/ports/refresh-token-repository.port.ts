import type { RefreshToken, RevokedReason } from '../../domain/refresh-token-family.js';

/**
 * Refresh token records. Only hashes are stored: a database leak yields no usable token.
 *
 * Contract:
 * - `save` inserts a new record or updates an existing one (by id): `rotatedAt`, `revokedAt`
 *   and `revokedReason` change, the other fields never do.
 * - `findByHash` resolves `undefined` for an unknown hash. Inside a unit of work it locks the
 *   row until commit (`SELECT … FOR UPDATE`): two concurrent refreshes with one token are
 *   serialised, so the second sees the token rotated and is treated as reuse.
 * - `revokeFamily` and `revokeAllForUser` set `revokedAt` and `revokedReason` on every record of
 *   the family (or user) not yet revoked, rotated ones included, and leave revoked ones as they
 *   are; they resolve how many records they revoked (0 is not an error).
 * - `deleteAllForUser` deletes every record of the user (an erasure keeps no session history) and
 *   resolves how many.
 */
export interface RefreshTokenRepository {
  save(token: RefreshToken): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshToken | undefined>;
  revokeFamily(familyId: string, reason: RevokedReason, at: Date): Promise<number>;
  revokeAllForUser(userId: string, reason: RevokedReason, at: Date): Promise<number>;
  deleteAllForUser(userId: string): Promise<number>;
}
