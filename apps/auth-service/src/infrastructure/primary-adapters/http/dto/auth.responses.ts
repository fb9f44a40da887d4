import type { SessionTokens } from '../../../../application/session-tokens.js';
import type { UserSummary } from '../../../../application/user-summary.js';

/** A user as the API shows it. */
export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  createdAt: string;
}

/** What log-in and refresh answer (RFC 6749 §5.1 names). */
export interface TokenResponse {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export function toUserResponse(user: UserSummary): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    createdAt: user.createdAt.toISOString(),
  };
}

export function toTokenResponse(tokens: SessionTokens): TokenResponse {
  return {
    tokenType: tokens.tokenType,
    accessToken: tokens.accessToken,
    expiresIn: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
  };
}
