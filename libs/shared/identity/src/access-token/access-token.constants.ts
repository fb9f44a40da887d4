/**
 * The one signature algorithm of access tokens. ES256 (ECDSA P-256, SHA-256) over RS256 because
 * keys and signatures are small (64-byte signature against 256+ for RSA-2048, so tokens fit in a
 * header comfortably) and signing is fast, while every browser, API gateway and JWT library
 * verifies it (unlike EdDSA, which is as good but still missing from some gateways and WebCrypto
 * runtimes). Verifiers accept this value and nothing else.
 */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** Lifetime of an access token unless configured otherwise: 15 minutes. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 15 * 60;

/** The most clock skew a verifier may tolerate on `exp` and `nbf`. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 30;

/** `iss` of the platform's access tokens unless configured otherwise: issuer and verifiers must agree. */
export const DEFAULT_ACCESS_TOKEN_ISSUER = 'platform-auth';

/** `aud` of the platform's access tokens unless configured otherwise: the public API. */
export const DEFAULT_ACCESS_TOKEN_AUDIENCE = 'platform-api';
