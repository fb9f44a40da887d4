/**
 * Verifies access tokens. Independent of where keys come from: it takes a `jose` key resolver,
 * which is the auth-service's own `JwtKeyRing.keyResolver()` or, in the gateway,
 * `createRemoteJWKSet(new URL('.../.well-known/jwks.json'))` / `createLocalJWKSet(jwks)`.
 *
 * Only ES256 is accepted, decided before any key is looked up, so `alg: none`, HS256 keyed with
 * the public key, RS256 and the like never reach a signature check.
 */
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { validate as isUuid } from 'uuid';
import { ACCESS_TOKEN_ALGORITHM, MAX_CLOCK_TOLERANCE_SECONDS } from './access-token.constants.js';

/** Why a token was refused; stable codes for logs and metrics (the HTTP answer is always 401). */
export type InvalidAccessTokenReason =
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'unknown_key'
  | 'wrong_algorithm'
  | 'malformed'
  | 'wrong_issuer'
  | 'wrong_audience';

/** The access token was refused; `reason` says why. The token itself is never part of the error. */
export class InvalidAccessTokenError extends Error {
  readonly code = 'AUTH.INVALID_ACCESS_TOKEN';

  constructor(
    readonly reason: InvalidAccessTokenReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InvalidAccessTokenError';
  }
}

export interface AccessTokenVerifierOptions<Role extends string> {
  /** Resolves the public key for a token's header; `createLocalJWKSet`, `createRemoteJWKSet` or a key ring's. */
  keys: JWTVerifyGetKey;
  /** The exact `iss` expected. */
  issuer: string;
  /** The `aud` this verifier accepts. */
  audience: string;
  /** Every role a token may carry; a token with another one is refused as malformed. */
  knownRoles: readonly Role[];
  /** Clock skew allowed on `exp` and `nbf`, at most 30 s; default 5 s. */
  clockToleranceSeconds?: number;
}

/** What a valid token says. */
export interface VerifiedAccessToken<Role extends string = string> {
  userId: string;
  roles: Role[];
  tokenId: string;
  issuedAt: Date;
  expiresAt: Date;
  /** The key that signed it. */
  kid: string;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

function reasonOf(error: unknown): InvalidAccessTokenReason | undefined {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'nbf') return 'not_yet_valid';
    return 'malformed';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'wrong_algorithm';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'unknown_key';
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  // JWKSTimeout, JWKSInvalid, network errors: the key source failed, not the token.
  return undefined;
}

/** Checks an access token's algorithm, key, signature and claims, and returns who it speaks for. */
export class AccessTokenVerifier<Role extends string = string> {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly knownRoles: ReadonlySet<string>;
  private readonly clockToleranceSeconds: number;

  constructor(options: AccessTokenVerifierOptions<Role>) {
    const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
      throw new RangeError(`clockToleranceSeconds must be within 0-${MAX_CLOCK_TOLERANCE_SECONDS}, got ${tolerance}`);
    }
    if (!options.issuer) throw new RangeError('access token issuer must not be empty');
    if (!options.audience) throw new RangeError('access token audience must not be empty');
    this.keys = options.keys;
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.knownRoles = new Set(options.knownRoles);
    this.clockToleranceSeconds = tolerance;
  }

  /**
   * The token's content when it is valid at `now` (default: the current time). Throws
   * {@link InvalidAccessTokenError} for any fault of the token; errors of the key source itself
   * (a JWKS endpoint that times out or serves garbage) pass through unchanged, because they call
   * for a 503 and an alert, not a 401.
   */
  async verify(token: string, options: { now?: Date } = {}): Promise<VerifiedAccessToken<Role>> {
    const kid = this.checkHeader(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        typ: 'JWT',
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        clockTolerance: this.clockToleranceSeconds,
        ...(options.now ? { currentDate: options.now } : {}),
      }));
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === undefined) throw error;
      throw new InvalidAccessTokenError(reason, `access token refused: ${reason}`, { cause: error });
    }
    return { ...this.readClaims(payload), kid };
  }

  /** The cheap checks on the unauthenticated header, before any key lookup; returns the kid. */
  private checkHeader(token: string): string {
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      if (typeof token !== 'string' || token.split('.').length !== 3) throw new TypeError('not a compact JWS');
      header = decodeProtectedHeader(token);
    } catch (cause) {
      throw new InvalidAccessTokenError('malformed', 'access token refused: not a compact JWS', { cause });
    }
    if (header.alg !== ACCESS_TOKEN_ALGORITHM) {
      throw new InvalidAccessTokenError(
        'wrong_algorithm',
        `access token refused: alg must be ${ACCESS_TOKEN_ALGORITHM}`,
      );
    }
    if (typeof header.kid !== 'string' || header.kid === '') {
      throw new InvalidAccessTokenError('unknown_key', 'access token refused: no kid');
    }
    return header.kid;
  }

  private readClaims(payload: JWTPayload): Omit<VerifiedAccessToken<Role>, 'kid'> {
    const malformed = (what: string) => new InvalidAccessTokenError('malformed', `access token refused: ${what}`);
    if (typeof payload.sub !== 'string' || !isUuid(payload.sub)) throw malformed('sub is not a UUID');
    if (typeof payload.jti !== 'string' || payload.jti === '') throw malformed('jti missing');
    const roles: unknown = payload['roles'];
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string' && this.knownRoles.has(role))) {
      throw malformed('roles is not an array of known roles');
    }
    // jwtVerify has checked that both are numbers (requiredClaims).
    const issuedAt = payload.iat as number;
    const expiresAt = payload.exp as number;
    return {
      userId: payload.sub,
      roles: roles as Role[],
      tokenId: payload.jti,
      issuedAt: new Date(issuedAt * 1000),
      expiresAt: new Date(expiresAt * 1000),
    };
  }
}
