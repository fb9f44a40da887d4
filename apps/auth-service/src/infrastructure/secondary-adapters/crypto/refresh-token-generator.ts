/**
 * Opaque refresh tokens: 32 random bytes (256 bits) from the OS CSPRNG, base64url without padding
 * (43 characters). Only `hash(token)`, SHA-256 as 64 hex characters, is stored; a presented token
 * is hashed and looked up by that value (a unique index), so the database never holds a usable
 * token and a leaked table grants nothing.
 *
 * Why a fast hash is right here, unlike for passwords: argon2's cost exists to slow down guessing
 * of low-entropy secrets that people choose. A 256-bit random token cannot be guessed whatever the
 * hash costs (2^256 candidates), so SHA-256 preimage resistance is all that is needed, and the
 * lookup stays a cheap index hit on every refresh. For the same reason no salt is needed (no two
 * tokens collide, no precomputed table covers 2^256 values) and the lookup leaks nothing useful by
 * timing: an attacker would have to produce inputs whose SHA-256 hashes share a prefix with a
 * stored one, which tells them nothing about the token.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Random bytes per token. */
export const REFRESH_TOKEN_BYTES = 32;

export interface GeneratedRefreshToken {
  /** Given to the client once; never stored or logged. */
  token: string;
  /** What is stored and looked up: SHA-256 of the token, hex. */
  tokenHash: string;
}

/** Makes opaque refresh tokens and the hashes they are stored and found by. */
export class RefreshTokenGenerator {
  /** A new token and its hash. */
  generate(): GeneratedRefreshToken {
    const token = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
    return { token, tokenHash: this.hash(token) };
  }

  /** SHA-256 of the token's text, 64 lower-case hex characters; the same token always gives the same hash. */
  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
