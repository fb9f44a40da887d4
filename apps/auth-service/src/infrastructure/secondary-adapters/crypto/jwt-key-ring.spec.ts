import { chmod, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessTokenIssuer } from './access-token-issuer.js';
import { AccessTokenVerifier, InvalidAccessTokenError } from '@platform/identity';
import { DEV_KEYS_FILE_NAME, JwtKeyRing, JwtKeyRingConfigurationError } from './jwt-key-ring.js';

const USER_ID = '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e';

describe('JwtKeyRing', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'jwt-key-ring-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  describe('development keys', () => {
    it('generates a key on first start, stores it with mode 0600, and reuses it on the next start', async () => {
      const devKeyDirectory = path.join(directory, '.data', 'auth'); // created on demand
      const first = await JwtKeyRing.load({ devKeyDirectory, nodeEnv: 'development' });
      const file = path.join(devKeyDirectory, DEV_KEYS_FILE_NAME);

      expect(first.source).toBe('development-file');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await readdir(devKeyDirectory)).toEqual([DEV_KEYS_FILE_NAME]); // no temporary file left

      const second = await JwtKeyRing.load({ devKeyDirectory, nodeEnv: 'development' });
      expect(second.currentSigningKey().kid).toBe(first.currentSigningKey().kid);
      expect(second.publicJwks()).toEqual(first.publicJwks());
    });

    it('is used when NODE_ENV is unset, and two processes starting at once end up with the same key', async () => {
      const [a, b] = await Promise.all([
        JwtKeyRing.load({ devKeyDirectory: directory }),
        JwtKeyRing.load({ devKeyDirectory: directory }),
      ]);
      expect(a.currentSigningKey().kid).toBe(b.currentSigningKey().kid);
    });

    it('stores the key in the JWT_PRIVATE_JWKS format, so it can be configured as is', async () => {
      const ring = await JwtKeyRing.load({ devKeyDirectory: directory, nodeEnv: 'test' });
      const json = await readFile(path.join(directory, DEV_KEYS_FILE_NAME), 'utf8');
      const configured = await JwtKeyRing.fromPrivateJwks(json);
      expect(configured.currentSigningKey().kid).toBe(ring.currentSigningKey().kid);
    });

    it('refuses a development key file that others can read', async () => {
      await JwtKeyRing.load({ devKeyDirectory: directory, nodeEnv: 'development' });
      await chmod(path.join(directory, DEV_KEYS_FILE_NAME), 0o644);
      await expect(JwtKeyRing.load({ devKeyDirectory: directory, nodeEnv: 'development' })).rejects.toThrow(
        /mode is 644; run chmod 600/,
      );
    });
  });

  describe('configuration', () => {
    it('refuses to start in production without JWT_PRIVATE_JWKS, and writes no key', async () => {
      for (const privateJwks of [undefined, '', '   ']) {
        const loading = JwtKeyRing.load({ privateJwks, nodeEnv: 'production', devKeyDirectory: directory });
        await expect(loading).rejects.toBeInstanceOf(JwtKeyRingConfigurationError);
        await expect(loading).rejects.toThrow(/JWT_PRIVATE_JWKS is required in production/);
      }
      expect(await readdir(directory)).toEqual([]);
    });

    it('signs with the first configured key and verifies with all of them', async () => {
      const [newer, older] = await Promise.all([privateJwk(), privateJwk()]);
      const ring = await JwtKeyRing.load({
        privateJwks: JSON.stringify({ keys: [newer, older] }),
        nodeEnv: 'production',
      });

      expect(ring.source).toBe('configuration');
      expect(ring.currentSigningKey().kid).toBe(await calculateJwkThumbprint(newer));
      expect(ring.publicJwks().keys.map((key) => key.kid)).toEqual([
        await calculateJwkThumbprint(newer),
        await calculateJwkThumbprint(older),
      ]);
    });

    it('explains what is wrong with unusable keys, without quoting the private part', async () => {
      const good = await privateJwk();
      const other = await privateJwk();
      const cases: Array<[string, RegExp]> = [
        ['{not json', /not valid JSON/],
        ['{"keys":[]}', /at least one key/],
        [JSON.stringify({ keys: [{ ...good, d: undefined }] }), /lacks "d"/],
        [JSON.stringify({ keys: [{ ...good, kty: 'RSA' }] }), /EC P-256/],
        [JSON.stringify({ keys: [{ ...good, alg: 'RS256' }] }), /only ES256/],
        [JSON.stringify({ keys: [{ ...good, kid: 'my-key' }] }), /RFC 7638 thumbprints/],
        [JSON.stringify({ keys: [{ ...good, d: other.d }] }), /not a usable P-256 key pair/],
        [JSON.stringify({ keys: [good, good] }), /twice/],
      ];
      for (const [privateJwks, message] of cases) {
        const loading = JwtKeyRing.load({ privateJwks, nodeEnv: 'production' });
        await expect(loading).rejects.toBeInstanceOf(JwtKeyRingConfigurationError);
        await expect(loading).rejects.toThrow(message);
        await loading.catch((error: Error) => {
          expect(error.message).not.toContain(good.d);
          expect(error.message).not.toContain(other.d);
        });
      }
    });
  });

  it('publishes only the public members of each key, with its RFC 7638 thumbprint as kid', async () => {
    const ring = await JwtKeyRing.generate();
    await ring.rotate();
    const jwks = ring.publicJwks();

    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key.kid).toBe(await calculateJwkThumbprint({ kty: key.kty, crv: key.crv, x: key.x, y: key.y }));
    }
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
  });

  it('after rotation signs with the new key, keeps verifying the old one, and drops it once its tokens expired', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const ring = await JwtKeyRing.generate({ maxTokenLifetimeSeconds: 900, now: () => now });
    const issuer = new AccessTokenIssuer({ signingKeys: ring, issuer: 'https://auth.test', audience: 'api' });
    const verifier = new AccessTokenVerifier({
      keys: ring.keyResolver(),
      issuer: 'https://auth.test',
      audience: 'api',
      knownRoles: ['user'],
    });
    const oldKid = ring.currentSigningKey().kid;
    const before = await issuer.issue({ userId: USER_ID, roles: ['user'], now });

    const newKid = await ring.rotate();
    expect(newKid).not.toBe(oldKid);
    expect(ring.currentSigningKey().kid).toBe(newKid);
    expect(ring.publicJwks().keys.map((key) => key.kid)).toEqual([newKid, oldKid]);

    const after = await issuer.issue({ userId: USER_ID, roles: ['user'], now });
    expect(decodeProtectedHeader(after.token).kid).toBe(newKid);
    await expect(verifier.verify(after.token, { now })).resolves.toMatchObject({ kid: newKid });
    await expect(verifier.verify(before.token, { now })).resolves.toMatchObject({ kid: oldKid });

    // Past retiredAt + lifetime + the largest clock tolerance, the old key is gone.
    now = new Date(now.getTime() + (900 + 30 + 1) * 1000);
    expect(ring.publicJwks().keys.map((key) => key.kid)).toEqual([newKid]);
    const refused = await verifier.verify(before.token, { now }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidAccessTokenError);
    expect((refused as InvalidAccessTokenError).reason).toBe('unknown_key');
  });
});

async function privateJwk() {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, d: jwk.d! };
}
