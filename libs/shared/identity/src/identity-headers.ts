import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Headers in which the gateway tells an upstream who the caller is. Upstreams trust them only
 * with a valid signature (docs/decisions/0007): the gateway strips any incoming copies, and a
 * request that reaches a service around the gateway cannot forge them without the shared key.
 */
export const IdentityHeader = {
  userId: 'x-identity-user-id',
  /** Comma-separated roles. */
  roles: 'x-identity-roles',
  /** When the access token was issued (Unix seconds), for "log out everywhere" checks upstream. */
  tokenIssuedAt: 'x-identity-token-issued-at',
  /** When the gateway signed (Unix seconds); bounds how long a captured set of headers is usable. */
  signedAt: 'x-identity-signed-at',
  /** base64url HMAC-SHA256 over the values above, the method and the path. */
  signature: 'x-identity-signature',
} as const;

/** The authenticated caller, as the gateway vouches for it. */
export interface Identity {
  userId: string;
  roles: string[];
  tokenIssuedAt: number;
}

/** Why a set of identity headers was refused. */
export type IdentityRejection = 'missing' | 'malformed' | 'bad_signature' | 'expired';

/** Identity headers were absent, malformed, forged or too old. */
export class InvalidIdentityError extends Error {
  readonly code = 'IDENTITY.INVALID';
  constructor(readonly reason: IdentityRejection) {
    super(`identity headers refused: ${reason}`);
    this.name = 'InvalidIdentityError';
  }
}

/** The shortest identity signing key accepted, in bytes (ASCII characters in configuration). */
export const IDENTITY_KEY_MIN_LENGTH = 32;
const ROLE = /^[a-z][a-z0-9_-]{0,31}$/;

function assertKey(key: string): void {
  if (Buffer.byteLength(key) < IDENTITY_KEY_MIN_LENGTH) {
    throw new Error(`the identity signing key must be at least ${IDENTITY_KEY_MIN_LENGTH} bytes`);
  }
}

// Method and path are signed too, so headers captured from one request cannot authorise another route.
function mac(key: string, fields: string[]): string {
  return createHmac('sha256', key).update(fields.join('\n')).digest('base64url');
}

/** What the request is: the MAC binds the identity to it. */
export interface SignedRequest {
  method: string;
  /** The path with its query string, as the upstream will see it. */
  path: string;
}

/** The headers the gateway adds to a request it forwards for `identity`. */
export function signIdentity(
  identity: Identity,
  request: SignedRequest,
  key: string,
  now = Date.now(),
): Record<string, string> {
  assertKey(key);
  const roles = identity.roles.join(',');
  const signedAt = String(Math.floor(now / 1000));
  const tokenIssuedAt = String(identity.tokenIssuedAt);
  return {
    [IdentityHeader.userId]: identity.userId,
    [IdentityHeader.roles]: roles,
    [IdentityHeader.tokenIssuedAt]: tokenIssuedAt,
    [IdentityHeader.signedAt]: signedAt,
    [IdentityHeader.signature]: mac(key, [
      identity.userId,
      roles,
      tokenIssuedAt,
      signedAt,
      request.method.toUpperCase(),
      request.path,
    ]),
  };
}

type Headers = Record<string, string | string[] | undefined>;

function single(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

/**
 * The identity the gateway signed into `headers` for this request; throws InvalidIdentityError
 * when they are missing, malformed, not signed with `key`, or signed more than `maxAgeSeconds` ago.
 */
export function verifyIdentity(
  headers: Headers,
  request: SignedRequest,
  key: string,
  options: { maxAgeSeconds?: number; now?: number } = {},
): Identity {
  assertKey(key);
  const userId = single(headers, IdentityHeader.userId);
  const roles = single(headers, IdentityHeader.roles);
  const tokenIssuedAt = single(headers, IdentityHeader.tokenIssuedAt);
  const signedAt = single(headers, IdentityHeader.signedAt);
  const signature = single(headers, IdentityHeader.signature);
  if (userId === undefined && signature === undefined) throw new InvalidIdentityError('missing');
  if (!userId || roles === undefined || !tokenIssuedAt || !signedAt || !signature) {
    throw new InvalidIdentityError('malformed');
  }
  if (!/^\d{1,12}$/.test(tokenIssuedAt) || !/^\d{1,12}$/.test(signedAt)) throw new InvalidIdentityError('malformed');
  const expected = Buffer.from(
    mac(key, [userId, roles, tokenIssuedAt, signedAt, request.method.toUpperCase(), request.path]),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidIdentityError('bad_signature');
  }
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const age = nowSeconds - Number(signedAt);
  // A little skew between hosts' clocks is tolerated in both directions.
  if (age > (options.maxAgeSeconds ?? 30) || age < -5) throw new InvalidIdentityError('expired');
  const roleList = roles === '' ? [] : roles.split(',');
  if (!roleList.every((role) => ROLE.test(role))) throw new InvalidIdentityError('malformed');
  return { userId, roles: roleList, tokenIssuedAt: Number(tokenIssuedAt) };
}

/** Removes identity headers a client sent: only the gateway may set them. */
export function stripIdentityHeaders(headers: Headers): void {
  for (const name of Object.values(IdentityHeader)) delete headers[name];
}
