import { SignJWT } from 'jose';
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { ACCESS_TOKEN_ALGORITHM, DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS } from '@platform/identity';
import type { SigningKey } from './jwt-key-ring.js';

/** Where the issuer gets its signing key; the JwtKeyRing is one. */
export interface AccessTokenSigningKeys {
  currentSigningKey(): SigningKey;
  /** How long the source keeps a retired key for verification; the lifetime must not exceed it. */
  readonly maxTokenLifetimeSeconds: number;
}

export interface AccessTokenIssuerOptions {
  signingKeys: AccessTokenSigningKeys;
  /** `iss`: who issued the token, e.g. the auth-service's public base URL. */
  issuer: string;
  /** `aud`: who the token is for (the gateway's API identifier). */
  audience: string;
  /** Seconds from `iat` to `exp`; default 15 minutes. */
  lifetimeSeconds?: number;
}

export interface IssueAccessTokenInput {
  /** The user the token speaks for (`sub`), a UUID. */
  userId: string;
  roles: readonly string[];
  /** Issue time; default the current time. */
  now?: Date;
}

export interface IssuedAccessToken {
  /** The compact JWT. */
  token: string;
  /** Seconds until it expires, for the OAuth-style `expires_in` of a response. */
  expiresIn: number;
  /** Its `jti` (UUID v7), e.g. for a deny list or audit. */
  tokenId: string;
  expiresAt: Date;
}

/** Signs short-lived ES256 access tokens with the ring's current key. */
export class AccessTokenIssuer {
  readonly lifetimeSeconds: number;
  private readonly signingKeys: AccessTokenSigningKeys;
  private readonly issuer: string;
  private readonly audience: string;

  constructor(options: AccessTokenIssuerOptions) {
    const lifetime = options.lifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS;
    if (!Number.isInteger(lifetime) || lifetime <= 0) {
      throw new RangeError(`access token lifetimeSeconds must be a positive integer, got ${lifetime}`);
    }
    if (lifetime > options.signingKeys.maxTokenLifetimeSeconds) {
      // Otherwise a rotated key would be dropped while tokens it signed are still valid.
      throw new RangeError(
        `access token lifetime ${lifetime} s exceeds the key ring's maxTokenLifetimeSeconds ` +
          `${options.signingKeys.maxTokenLifetimeSeconds}`,
      );
    }
    if (!options.issuer) throw new RangeError('access token issuer must not be empty');
    if (!options.audience) throw new RangeError('access token audience must not be empty');
    this.lifetimeSeconds = lifetime;
    this.signingKeys = options.signingKeys;
    this.issuer = options.issuer;
    this.audience = options.audience;
  }

  /** A signed access token for `userId` with `roles`, valid from `now` for the configured lifetime. */
  async issue(input: IssueAccessTokenInput): Promise<IssuedAccessToken> {
    if (!isUuid(input.userId)) throw new TypeError('access token subject must be a UUID');
    if (!input.roles.every((role) => typeof role === 'string' && role !== '')) {
      throw new TypeError('access token roles must be non-empty strings');
    }
    const now = input.now ?? new Date();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAtSeconds = issuedAt + this.lifetimeSeconds;
    const tokenId = uuidv7({ msecs: now.getTime() });
    const { kid, privateKey } = this.signingKeys.currentSigningKey();
    const token = await new SignJWT({ roles: [...new Set(input.roles)] })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(input.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .setJti(tokenId)
      .sign(privateKey);
    return {
      token,
      expiresIn: this.lifetimeSeconds,
      tokenId,
      expiresAt: new Date(expiresAtSeconds * 1000),
    };
  }
}
