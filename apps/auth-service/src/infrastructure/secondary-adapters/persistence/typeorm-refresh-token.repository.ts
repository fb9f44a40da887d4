import { IsNull, type EntityManager } from 'typeorm';
import type { RefreshTokenRepository } from '../../../application/ports/refresh-token-repository.port.js';
import { RefreshToken, type RevokedReason } from '../../../domain/refresh-token-family.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import type { TypeOrmRepositoryOptions } from './typeorm-repository-options.js';

// What RefreshTokenGenerator.hash produces; anything else cannot be stored, so it matches nothing.
const TOKEN_HASH = /^[0-9a-f]{64}$/;

/**
 * RefreshTokenRepository on PostgreSQL through TypeORM. Built per transaction by the unit of work
 * (`lock: true`) and once over the DataSource's manager for plain reads and single writes.
 */
export class TypeOrmRefreshTokenRepository implements RefreshTokenRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly options: TypeOrmRepositoryOptions,
  ) {}

  async save(token: RefreshToken): Promise<void> {
    const state = token.toState();
    // Only the rotation and revocation columns change on update, and a stale copy never clears
    // them: a revocation committed meanwhile (a log-out, a detected reuse) must stay.
    await this.manager.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at, rotated_at, revoked_at, revoked_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET
         rotated_at = COALESCE(refresh_tokens.rotated_at, EXCLUDED.rotated_at),
         revoked_reason = CASE WHEN refresh_tokens.revoked_at IS NULL THEN EXCLUDED.revoked_reason
                               ELSE refresh_tokens.revoked_reason END,
         revoked_at = COALESCE(refresh_tokens.revoked_at, EXCLUDED.revoked_at)`,
      [
        state.id,
        state.familyId,
        state.userId,
        state.tokenHash,
        state.issuedAt,
        state.expiresAt,
        state.rotatedAt ?? null,
        state.revokedAt ?? null,
        state.revokedReason ?? null,
      ],
    );
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | undefined> {
    if (!TOKEN_HASH.test(tokenHash)) return undefined;
    const builder = this.manager
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder('t')
      .where('t.tokenHash = :tokenHash', { tokenHash });
    if (this.options.lock) builder.setLock('pessimistic_write');
    const entity = await builder.getOne();
    return entity ? toRefreshToken(entity) : undefined;
  }

  revokeFamily(familyId: string, reason: RevokedReason, at: Date): Promise<number> {
    return this.revokeWhere({ familyId }, reason, at);
  }

  revokeAllForUser(userId: string, reason: RevokedReason, at: Date): Promise<number> {
    return this.revokeWhere({ userId }, reason, at);
  }

  async deleteAllForUser(userId: string): Promise<number> {
    const result = await this.manager.getRepository(RefreshTokenEntity).delete({ userId });
    return result.affected ?? 0;
  }

  private async revokeWhere(
    where: { familyId: string } | { userId: string },
    reason: RevokedReason,
    at: Date,
  ): Promise<number> {
    const result = await this.manager
      .getRepository(RefreshTokenEntity)
      .update({ ...where, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
    return result.affected ?? 0;
  }
}

function toRefreshToken(entity: RefreshTokenEntity): RefreshToken {
  return RefreshToken.restore({
    id: entity.id,
    familyId: entity.familyId,
    userId: entity.userId,
    tokenHash: entity.tokenHash,
    issuedAt: entity.issuedAt,
    expiresAt: entity.expiresAt,
    ...(entity.rotatedAt ? { rotatedAt: entity.rotatedAt } : {}),
    ...(entity.revokedAt ? { revokedAt: entity.revokedAt } : {}),
    // As stored: a reason added by a newer build still means revoked here (only revokedAt decides).
    ...(entity.revokedReason ? { revokedReason: entity.revokedReason as RevokedReason } : {}),
  });
}
