import type { RefreshToken } from '../domain/refresh-token-family.js';
import type { Role } from '../domain/role.js';
import type { User } from '../domain/user.js';
import type { IssuedAccessToken } from './ports/access-token-issuer.port.js';

/** What a log-in or a refresh gives the client: a short-lived access token and the next refresh token. */
export interface SessionTokens {
  userId: string;
  roles: readonly Role[];
  tokenType: 'Bearer';
  accessToken: string;
  /** The access token's `jti`, for logs. */
  accessTokenId: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Shown to the client once; only its hash is stored. */
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  /** The refresh token's family: one per log-in, for logs and the audit trail. */
  sessionId: string;
}

/** Assembles the tokens of a session from the issued access token and the stored refresh token record. */
export function sessionTokens(
  user: User,
  access: IssuedAccessToken,
  refreshToken: string,
  record: RefreshToken,
): SessionTokens {
  return {
    userId: user.id,
    roles: [...user.roles],
    tokenType: 'Bearer',
    accessToken: access.token,
    accessTokenId: access.tokenId,
    expiresIn: access.expiresIn,
    refreshToken,
    refreshTokenExpiresAt: record.expiresAt,
    sessionId: record.familyId,
  };
}
