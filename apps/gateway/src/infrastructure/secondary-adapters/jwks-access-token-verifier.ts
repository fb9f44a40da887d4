import { AccessTokenVerifier } from '@platform/identity';
import { createRemoteJWKSet } from 'jose';

export interface JwksVerifierOptions {
  authServiceUrl: string;
  issuer: string;
  audience: string;
  timeoutMs: number;
  cooldownSeconds: number;
}

/**
 * Verifies access tokens against the auth-service's JWKS, cached; an unknown `kid` (a rotated
 * key) refetches it, but not more often than the cooldown, so a flood of forged tokens costs the
 * auth-service nothing.
 */
export function jwksAccessTokenVerifier(options: JwksVerifierOptions): AccessTokenVerifier<'user' | 'admin'> {
  const jwks = createRemoteJWKSet(new URL('/v1/auth/.well-known/jwks.json', options.authServiceUrl), {
    timeoutDuration: options.timeoutMs,
    cooldownDuration: options.cooldownSeconds * 1000,
    cacheMaxAge: 10 * 60_000,
  });
  return new AccessTokenVerifier({
    keys: jwks,
    issuer: options.issuer,
    audience: options.audience,
    knownRoles: ['user', 'admin'],
  });
}
