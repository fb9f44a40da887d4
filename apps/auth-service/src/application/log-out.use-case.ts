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
  constructor(
    private readonly ports: Pick<AuthPorts, 'refreshTokens' | 'refreshTokenGenerator' | 'auditLog' | 'clock'>,
  ) {}

  async execute(input: LogOutInput): Promise<LogOutResult> {
    const { refreshTokens, refreshTokenGenerator, auditLog, clock } = this.ports;
    const token = await refreshTokens.findByHash(refreshTokenGenerator.hash(input.refreshToken));
    if (!token) return { loggedOut: false };
    // One statement, no transaction: revoking a family twice leaves the first revocation in place.
    await refreshTokens.revokeFamily(token.familyId, 'logout', clock.now());
    await auditLog.record('logout', { ...clientFields(input), userId: token.userId, familyId: token.familyId });
    return { loggedOut: true };
  }
}
