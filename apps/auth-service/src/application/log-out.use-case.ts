import { clientFields, type ClientContext } from './client-context.js';
import type { AuthPorts } from './ports/auth-ports.js';

export interface LogOutInput extends ClientContext {
  refreshToken: string;
}

export interface LogOutResult {
  /** False when the token was unknown: nothing to end, and not an error (RFC 7009 §2.2). */
  loggedOut: boolean;
}

/** Ends the session a refresh token belongs to: every token of its family is revoked. */
export class LogOutUseCase {
  constructor(private readonly ports: Pick<AuthPorts, 'unitOfWork' | 'refreshTokenGenerator' | 'auditLog' | 'clock'>) {}

  async execute(input: LogOutInput): Promise<LogOutResult> {
    const { unitOfWork, refreshTokenGenerator, auditLog, clock } = this.ports;
    const tokenHash = refreshTokenGenerator.hash(input.refreshToken);
    // Locked like a refresh (user, then token): a refresh of this session running at the same
    // moment commits first, and the token it issued is revoked with the rest of the family.
    const token = await unitOfWork.run(async (tx) => {
      const found = await tx.refreshTokens.findByHash(tokenHash);
      if (!found) return undefined;
      await tx.users.findById(found.userId);
      await tx.refreshTokens.revokeFamily(found.familyId, 'logout', clock.now());
      return found;
    });
    if (!token) return { loggedOut: false };
    await auditLog.record('logout', { ...clientFields(input), userId: token.userId, familyId: token.familyId });
    return { loggedOut: true };
  }
}
