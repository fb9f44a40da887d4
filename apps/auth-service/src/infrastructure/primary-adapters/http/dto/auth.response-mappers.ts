import type { TokenResponse, UserResponse } from '@platform/contracts';
import type { SessionTokens } from '../../../../application/session-tokens.js';
import type { UserSummary } from '../../../../application/user-summary.js';

// The bodies are the public contract (@platform/contracts); these map use-case results onto them.

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
