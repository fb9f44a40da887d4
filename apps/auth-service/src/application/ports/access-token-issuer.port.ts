import type { Role } from '../../domain/role.js';

/** Whom an access token is for. */
export interface AccessTokenSubject {
  userId: string;
  roles: readonly Role[];
}

export interface IssuedAccessToken {
  /** The compact token to send as `Authorization: Bearer …`. */
  token: string;
  /** Seconds from now until it expires, as OAuth's `expires_in`. */
  expiresIn: number;
  /** Its unique id (`jti`), for logs and for deny-lists. */
  tokenId: string;
}

/**
 * Short-lived signed access tokens (JWT) that the gateway and services verify by the published
 * keys, without calling auth-service.
 *
 * Contract: `issue` signs a token whose `sub` is the user id and whose claims carry the roles,
 * with `iat`, `exp`, a fresh `jti`, and this service's issuer and audience. It holds no other
 * personal data (no e-mail address). It throws only when no signing key is available.
 */
export interface AccessTokenIssuer {
  issue(subject: AccessTokenSubject): Promise<IssuedAccessToken>;
}
