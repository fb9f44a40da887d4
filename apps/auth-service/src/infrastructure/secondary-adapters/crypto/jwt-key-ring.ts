/**
 * The access-token signing keys: one current ES256 key that signs, and the keys it replaced, kept
 * for verification until every token they signed has expired (retiredAt + maxTokenLifetime, plus
 * the largest clock tolerance a verifier may apply). Each key's `kid` is its RFC 7638 JWK
 * thumbprint, so the same key has the same id wherever it is loaded.
 *
 * Sources, in order:
 * - `JWT_PRIVATE_JWKS`: a JSON Web Key Set of private P-256 keys; the first key signs, the others
 *   only verify (an operator rotates by prepending a new key, and drops an old one once the tokens
 *   it signed have expired; they stay for as long as they are configured);
 * - outside production, a development key in `<devKeyDirectory>/jwt-dev-keys.json` (same format,
 *   mode 0600), generated on first start and reused afterwards so tokens survive a restart;
 * - in production with no keys: a {@link JwtKeyRingConfigurationError}, never a random key that
 *   other instances would not know.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CompactSign,
  calculateJwkThumbprint,
  compactVerify,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  MAX_CLOCK_TOLERANCE_SECONDS,
} from '@platform/identity';

/** File name of the development key set inside the directory the service passes. */
export const DEV_KEYS_FILE_NAME = 'jwt-dev-keys.json';

/** A public signing key as published in the JWKS: public members only. */
export interface PublicSigningJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: typeof ACCESS_TOKEN_ALGORITHM;
  use: 'sig';
}

/** The JSON Web Key Set served at the JWKS endpoint. */
export interface PublicJwks {
  keys: PublicSigningJwk[];
}

/** What a token issuer needs to sign: the key and the id verifiers look it up by. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** Where the keys of a ring came from; for the start-up log line. */
export type JwtKeySource = 'configuration' | 'development-file' | 'generated';

export interface JwtKeyRingOptions {
  /**
   * The longest lifetime of any token signed by the ring; a retired key is kept this long (plus
   * the maximal clock tolerance). Default 15 minutes, the access-token default.
   */
  maxTokenLifetimeSeconds?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface LoadJwtKeyRingOptions extends JwtKeyRingOptions {
  /** The `JWT_PRIVATE_JWKS` value: a JWKS of private P-256 keys as JSON; the first key signs. */
  privateJwks?: string | undefined;
  /** The `NODE_ENV` value; without configured keys, only `production` refuses to start. */
  nodeEnv?: string | undefined;
  /** Where the development key set lives (the service passes `<repo>/.data/auth/`). */
  devKeyDirectory?: string | undefined;
}

/** The signing keys are missing or unusable; the service must not start. */
export class JwtKeyRingConfigurationError extends Error {
  readonly code = 'AUTH.JWT_KEYS_MISCONFIGURED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JwtKeyRingConfigurationError';
  }
}

interface RingKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: PublicSigningJwk;
  /** When it stopped signing in this process; unset for the current key and configured keys. */
  retiredAt?: Date;
}

/** A private P-256 JWK as stored in the configuration or the development file. */
type PrivateSigningJwk = Omit<PublicSigningJwk, 'kid'> & { d: string; kid?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function publicMembers(jwk: { x: string; y: string }): Promise<PublicSigningJwk> {
  const members = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } as const;
  const kid = await calculateJwkThumbprint(members, 'sha256');
  return { ...members, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
}

/** Signs and verifies a probe: catches a private part that does not belong to its public part. */
async function assertPair(privateKey: CryptoKey, publicKey: CryptoKey): Promise<void> {
  const probe = new TextEncoder().encode('jwt-key-ring probe');
  const jws = await new CompactSign(probe).setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM }).sign(privateKey);
  await compactVerify(jws, publicKey, { algorithms: [ACCESS_TOKEN_ALGORITHM] });
}

async function ringKeyFromJwk(raw: unknown, where: string): Promise<RingKey> {
  if (!isRecord(raw)) throw new JwtKeyRingConfigurationError(`${where} is not a JSON object`);
  if (raw['kty'] !== 'EC' || raw['crv'] !== 'P-256') {
    throw new JwtKeyRingConfigurationError(`${where} must be an EC P-256 key (kty "EC", crv "P-256") for ES256`);
  }
  for (const member of ['x', 'y', 'd'] as const) {
    if (typeof raw[member] !== 'string' || raw[member] === '') {
      throw new JwtKeyRingConfigurationError(`${where} lacks "${member}"; a private signing key needs x, y and d`);
    }
  }
  if (raw['alg'] !== undefined && raw['alg'] !== ACCESS_TOKEN_ALGORITHM) {
    throw new JwtKeyRingConfigurationError(`${where} has alg "${String(raw['alg'])}"; only ES256 is used`);
  }
  if (raw['use'] !== undefined && raw['use'] !== 'sig') {
    throw new JwtKeyRingConfigurationError(`${where} has use "${String(raw['use'])}"; signing keys need "sig"`);
  }
  const jwk = raw as PrivateSigningJwk;
  const publicJwk = await publicMembers(jwk);
  if (jwk.kid !== undefined && jwk.kid !== publicJwk.kid) {
    throw new JwtKeyRingConfigurationError(
      `${where} has kid "${String(jwk.kid)}", but kids are RFC 7638 thumbprints: expected "${publicJwk.kid}" (or omit it)`,
    );
  }
  try {
    const privateKey = await importJWK(
      { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d } as const,
      ACCESS_TOKEN_ALGORITHM,
    );
    const publicKey = await importJWK({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } as const, ACCESS_TOKEN_ALGORITHM);
    await assertPair(privateKey, publicKey);
    return { kid: publicJwk.kid, privateKey, publicKey, publicJwk };
  } catch (cause) {
    // The cause may quote the key; only its kind goes into the message.
    const kind = cause instanceof Error ? cause.name : 'error';
    throw new JwtKeyRingConfigurationError(`${where} is not a usable P-256 key pair (${kind})`, { cause });
  }
}

async function ringKeysFromJwksJson(json: string, source: string): Promise<RingKey[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new JwtKeyRingConfigurationError(`${source} is not valid JSON (expected {"keys":[...]})`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed['keys']) || parsed['keys'].length === 0) {
    throw new JwtKeyRingConfigurationError(
      `${source} must be a JSON Web Key Set with at least one key: {"keys":[...]}`,
    );
  }
  const keys: RingKey[] = [];
  for (const [index, raw] of (parsed['keys'] as unknown[]).entries()) {
    const key = await ringKeyFromJwk(raw, `${source} key ${index + 1}`);
    if (keys.some((known) => known.kid === key.kid)) {
      throw new JwtKeyRingConfigurationError(`${source} lists key ${key.kid} twice`);
    }
    keys.push(key);
  }
  return keys;
}

async function generateRingKey(): Promise<{ key: RingKey; privateJwk: PrivateSigningJwk & { kid: string } }> {
  const pair = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const exported: JWK = await exportJWK(pair.privateKey);
  const { x, y, d } = exported;
  if (x === undefined || y === undefined || d === undefined) throw new Error('generated EC key lacks x, y or d');
  const publicJwk = await publicMembers({ x, y });
  return {
    key: { kid: publicJwk.kid, privateKey: pair.privateKey, publicKey: pair.publicKey, publicJwk },
    privateJwk: { ...publicJwk, d },
  };
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Reads the development key set, refusing one that others can read. */
async function readDevKeys(file: string): Promise<RingKey[] | undefined> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  if ((mode & 0o077) !== 0) {
    throw new JwtKeyRingConfigurationError(
      `${file} holds a private key but its mode is ${(mode & 0o777).toString(8)}; run chmod 600 on it`,
    );
  }
  return ringKeysFromJwksJson(await readFile(file, 'utf8'), file);
}

/**
 * Creates the development key set without ever exposing a half-written file or overwriting one
 * another process created meanwhile: write a private temporary file, then hard-link it into place
 * (atomic, fails if the name exists). Returns the set that is in the file afterwards.
 */
async function createDevKeys(directory: string, file: string): Promise<RingKey[]> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const { key, privateJwk } = await generateRingKey();
  const temporary = path.join(directory, `.${DEV_KEYS_FILE_NAME}.${process.pid}.${randomUUID()}.tmp`);
  await writeFile(temporary, `${JSON.stringify({ keys: [privateJwk] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
    return [key];
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    const existing = await readDevKeys(file);
    if (!existing) throw error;
    return existing;
  } finally {
    await unlink(temporary);
  }
}

/** The access-token signing keys; see the top of this file for where they come from. */
export class JwtKeyRing {
  readonly maxTokenLifetimeSeconds: number;
  private readonly now: () => Date;
  /** Newest first; index 0 signs. */
  private keys: RingKey[];

  private constructor(
    keys: RingKey[],
    readonly source: JwtKeySource,
    options: JwtKeyRingOptions,
  ) {
    const lifetime = options.maxTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS;
    if (!Number.isInteger(lifetime) || lifetime <= 0) {
      throw new RangeError(`maxTokenLifetimeSeconds must be a positive integer, got ${lifetime}`);
    }
    this.maxTokenLifetimeSeconds = lifetime;
    this.now = options.now ?? (() => new Date());
    this.keys = keys;
  }

  /**
   * The ring the service starts with: `privateJwks` when given, else (outside production) the
   * development key set in `devKeyDirectory`, created on first use. Throws
   * {@link JwtKeyRingConfigurationError} with one clear message when neither is possible.
   */
  static async load(options: LoadJwtKeyRingOptions): Promise<JwtKeyRing> {
    const configured = options.privateJwks?.trim();
    if (configured) return JwtKeyRing.fromPrivateJwks(configured, options);
    if (options.nodeEnv === 'production') {
      throw new JwtKeyRingConfigurationError(
        'JWT_PRIVATE_JWKS is required in production: a JSON Web Key Set of private EC P-256 keys, the first of which signs',
      );
    }
    if (!options.devKeyDirectory) {
      throw new JwtKeyRingConfigurationError(
        'no JWT_PRIVATE_JWKS and no directory for a development key: set one of them',
      );
    }
    const file = path.join(options.devKeyDirectory, DEV_KEYS_FILE_NAME);
    const keys = (await readDevKeys(file)) ?? (await createDevKeys(options.devKeyDirectory, file));
    return new JwtKeyRing(keys, 'development-file', options);
  }

  /** A ring from a private JWKS JSON string (the `JWT_PRIVATE_JWKS` format); the first key signs. */
  static async fromPrivateJwks(json: string, options: JwtKeyRingOptions = {}): Promise<JwtKeyRing> {
    return new JwtKeyRing(await ringKeysFromJwksJson(json, 'JWT_PRIVATE_JWKS'), 'configuration', options);
  }

  /** A ring with one fresh key held only in memory; for tests and throwaway set-ups. */
  static async generate(options: JwtKeyRingOptions = {}): Promise<JwtKeyRing> {
    const { key } = await generateRingKey();
    return new JwtKeyRing([key], 'generated', options);
  }

  /** The key new tokens are signed with. */
  currentSigningKey(): SigningKey {
    const [current] = this.keys as [RingKey];
    return { kid: current.kid, privateKey: current.privateKey };
  }

  /** The public keys tokens may be verified with: the current one first, never a private member. */
  publicJwks(): PublicJwks {
    return { keys: this.verificationKeys().map((key) => ({ ...key.publicJwk })) };
  }

  /**
   * A `jose` key resolver over this ring's verification keys, for the access-token verifier:
   * looks the token's `kid` up and throws `JWKSNoMatchingKey` for an unknown or expired one.
   */
  keyResolver(): JWTVerifyGetKey {
    return (header) => {
      if (header.alg !== ACCESS_TOKEN_ALGORITHM) throw new errors.JOSEAlgNotAllowed('"alg" value not allowed');
      const key = this.verificationKeys().find((candidate) => candidate.kid === header.kid);
      if (!key) throw new errors.JWKSNoMatchingKey();
      return key.publicKey;
    };
  }

  /**
   * Makes a fresh key the signing key; the previous one keeps verifying until the tokens it
   * signed have expired. In memory only: with several instances, rotate through JWT_PRIVATE_JWKS
   * instead (every instance must know a key before any signs with it). Returns the new kid.
   */
  async rotate(): Promise<string> {
    const { key } = await generateRingKey();
    const [current] = this.keys as [RingKey];
    this.keys = [key, { ...current, retiredAt: this.now() }, ...this.keys.slice(1)];
    return key.kid;
  }

  /** The current key and the retired ones still inside their retention; drops the rest. */
  private verificationKeys(): RingKey[] {
    const now = this.now().getTime();
    const retentionMs = (this.maxTokenLifetimeSeconds + MAX_CLOCK_TOLERANCE_SECONDS) * 1000;
    this.keys = this.keys.filter((key) => key.retiredAt === undefined || key.retiredAt.getTime() + retentionMs > now);
    return this.keys;
  }
}
