import type { ErasureResponse, TokenResponse, UserResponse } from '@platform/contracts';
import type { ErasureView } from '../../../../application/get-erasure.use-case.js';
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

export function toErasureResponse(erasure: ErasureView): ErasureResponse {
  return {
    id: erasure.id,
    userId: erasure.userId,
    requestedAt: erasure.requestedAt.toISOString(),
    requestedVia: erasure.requestedVia,
    deadlineAt: erasure.deadlineAt.toISOString(),
    status: erasure.status,
    confirmations: erasure.confirmations.map((confirmation) => ({
      service: confirmation.service,
      confirmedAt: confirmation.confirmedAt.toISOString(),
      recordsChanged: confirmation.recordsChanged,
    })),
    awaiting: [...erasure.awaiting],
  };
}
