import { InvalidRefreshTokenError, RefreshTokenReusedError } from '../domain/auth.errors.js';
import { decideRefresh, type RefreshRefusal } from '../domain/refresh-token-family.js';
import { clientFields, type ClientContext } from './client-context.js';
import type { AuthPorts } from './ports/auth-ports.js';
import type { SessionOptions } from './session-options.js';
import { sessionTokens, type SessionTokens } from './session-tokens.js';

export interface RefreshSessionInput extends ClientContext {
  refreshToken: string;
}

type RefreshPorts = Pick<
  AuthPorts,
  'refreshTokens' | 'unitOfWork' | 'accessTokens' | 'refreshTokenGenerator' | 'auditLog' | 'clock'
>;

type Outcome =
  | { outcome: 'rotated'; tokens: SessionTokens }
  | { outcome: 'reuse_detected'; userId: string; familyId: string }
  | { outcome: 'refused'; reason: RefreshRefusal };

/**
 * Exchanges a refresh token for a new access token and its successor (rotation). A token used
 * twice revokes its whole family: one of the two holders is not the user.
 */
export class RefreshSessionUseCase {
  constructor(
    private readonly ports: RefreshPorts,
    private readonly options: SessionOptions,
  ) {}

  async execute(input: RefreshSessionInput): Promise<SessionTokens> {
    const { auditLog } = this.ports;
    const result = await this.rotate(input.refreshToken);
    // Errors are thrown after the transaction: thrown inside, they would roll back the revocation.
    switch (result.outcome) {
      case 'refused':
        throw new InvalidRefreshTokenError(result.reason);
      case 'reuse_detected':
        await auditLog.record('refresh_reuse_detected', {
          ...clientFields(input),
          userId: result.userId,
          familyId: result.familyId,
        });
        throw new RefreshTokenReusedError(result.familyId);
      case 'rotated':
        await auditLog.record('refresh', {
          ...clientFields(input),
          userId: result.tokens.userId,
          familyId: result.tokens.sessionId,
        });
        return result.tokens;
    }
  }

  private async rotate(presented: string): Promise<Outcome> {
    const { refreshTokens, unitOfWork, accessTokens, refreshTokenGenerator, clock } = this.ports;
    const presentedHash = refreshTokenGenerator.hash(presented);
    // Read once without locks to learn the owner: the transaction locks the user before the token.
    const known = await refreshTokens.findByHash(presentedHash);
    if (!known) return { outcome: 'refused', reason: 'unknown' };
    const next = refreshTokenGenerator.generate();
    const at = clock.now();
    return unitOfWork.run(async (tx): Promise<Outcome> => {
      const user = await tx.users.findById(known.userId);
      const token = await tx.refreshTokens.findByHash(presentedHash);
      const decision = decideRefresh(token, user, at);
      if (decision.outcome === 'refuse') return { outcome: 'refused', reason: decision.reason };
      if (decision.outcome === 'reuse_detected') {
        await tx.refreshTokens.revokeFamily(decision.familyId, 'reuse_detected', at);
        return { outcome: 'reuse_detected', userId: known.userId, familyId: decision.familyId };
      }
      const { token: current, owner } = decision;
      const successor = current.rotate({
        tokenHash: next.tokenHash,
        at,
        ttlSeconds: this.options.refreshTokenTtlSeconds,
      });
      await tx.refreshTokens.save(current);
      await tx.refreshTokens.save(successor);
      // Issued inside the transaction: if signing fails, the presented token is not spent.
      const access = await accessTokens.issue({ userId: owner.id, roles: owner.roles });
      return { outcome: 'rotated', tokens: sessionTokens(owner, access, next.token, successor) };
    });
  }
}
