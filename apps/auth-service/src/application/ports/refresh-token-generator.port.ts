export interface GeneratedRefreshToken {
  /** Given to the client once; never stored or logged. */
  token: string;
  /** What is stored and looked up: `hash(token)`. Named like `RefreshToken.tokenHash`. */
  tokenHash: string;
}

/**
 * Opaque refresh tokens and their lookup hashes.
 *
 * Contract:
 * - `generate` draws at least 256 bits from a cryptographically secure source and encodes them
 *   base64url without padding.
 * - `hash` is deterministic (the same token always gives the same hash: SHA-256, hex), so a
 *   presented token is found by its hash. A fast unsalted hash is enough: the token has 256
 *   bits of entropy, unlike a password.
 * - `hash` accepts any string (a malformed token simply matches nothing) and never throws.
 */
export interface RefreshTokenGenerator {
  generate(): GeneratedRefreshToken;
  hash(token: string): string;
}
