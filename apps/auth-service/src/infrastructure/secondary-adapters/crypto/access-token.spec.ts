import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  base64url,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWTPayload,
} from 'jose';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenIssuer } from './access-token-issuer.js';
import {
  AccessTokenVerifier,
  InvalidAccessTokenError,
  type AccessTokenVerifierOptions,
  type InvalidAccessTokenReason,
} from '@platform/identity';
import { JwtKeyRing } from './jwt-key-ring.js';

const ISSUER = 'https://auth.platform.test';
const AUDIENCE = 'platform-api';
const ROLES = ['user', 'admin'] as const;
const USER_ID = '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e';

let ring: JwtKeyRing;
let issuer: AccessTokenIssuer;
let verifier: AccessTokenVerifier<(typeof ROLES)[number]>;

function verifierWith(overrides: Partial<AccessTokenVerifierOptions<(typeof ROLES)[number]>> = {}) {
  return new AccessTokenVerifier({
    keys: ring.keyResolver(),
    issuer: ISSUER,
    audience: AUDIENCE,
    knownRoles: ROLES,
    ...overrides,
  });
}

/** The reason a verification was refused with; fails the test if it was not refused that way. */
async function refusal(
  token: string,
  by: AccessTokenVerifier = verifier,
  now?: Date,
): Promise<InvalidAccessTokenReason> {
  const error = await by.verify(token, now ? { now } : {}).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidAccessTokenError);
  expect((error as InvalidAccessTokenError).code).toBe('AUTH.INVALID_ACCESS_TOKEN');
  if (token !== '') expect((error as Error).message).not.toContain(token);
  return (error as InvalidAccessTokenError).reason;
}

/** Claims as the issuer writes them, for hand-built tokens. */
function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: USER_ID,
    roles: ['user'],
    iat: now,
    exp: now + 900,
    jti: '01964f4e-8a3b-7c2d-9e10-000000000001',
    ...overrides,
  };
}

/** A token signed with the ring's current key but with whatever claims or header a test needs. */
function signWithRing(payload: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const { kid, privateKey } = ring.currentSigningKey();
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT', ...header }).sign(privateKey);
}

beforeAll(async () => {
  ring = await JwtKeyRing.generate();
  issuer = new AccessTokenIssuer({ signingKeys: ring, issuer: ISSUER, audience: AUDIENCE });
  verifier = verifierWith();
});

describe('AccessTokenIssuer', () => {
  it('signs an ES256 JWT with the current kid and the expected claims', async () => {
    const now = new Date();
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user', 'admin', 'user'], now });

    expect(decodeProtectedHeader(issued.token)).toEqual({
      alg: 'ES256',
      kid: ring.currentSigningKey().kid,
      typ: 'JWT',
    });
    const payload = decodeJwt(issued.token);
    const iat = Math.floor(now.getTime() / 1000);
    expect(payload).toEqual({
      iss: ISSUER,
      aud: AUDIENCE,
      sub: USER_ID,
      roles: ['user', 'admin'],
      iat,
      exp: iat + 15 * 60,
      jti: issued.tokenId,
    });
    expect(issued.expiresIn).toBe(900);
    expect(issued.expiresAt).toEqual(new Date((iat + 900) * 1000));
    expect(isUuid(issued.tokenId) && uuidVersion(issued.tokenId)).toBe(7);
  });

  it('takes its lifetime from configuration, but never longer than the key ring keeps retired keys', async () => {
    const short = new AccessTokenIssuer({ signingKeys: ring, issuer: ISSUER, audience: AUDIENCE, lifetimeSeconds: 60 });
    const issued = await short.issue({ userId: USER_ID, roles: [] });
    const payload = decodeJwt(issued.token);
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(issued.expiresIn).toBe(60);

    expect(
      () => new AccessTokenIssuer({ signingKeys: ring, issuer: ISSUER, audience: AUDIENCE, lifetimeSeconds: 3600 }),
    ).toThrow(/exceeds the key ring's maxTokenLifetimeSeconds/);
  });

  it('refuses a subject that is not a UUID', async () => {
    await expect(issuer.issue({ userId: 'ada', roles: [] })).rejects.toThrow(TypeError);
  });
});

describe('AccessTokenVerifier', () => {
  it('accepts an issued token and says who it speaks for', async () => {
    const issued = await issuer.issue({ userId: USER_ID, roles: ['admin'] });
    await expect(verifier.verify(issued.token)).resolves.toEqual({
      userId: USER_ID,
      roles: ['admin'],
      tokenId: issued.tokenId,
      issuedAt: expect.any(Date),
      expiresAt: issued.expiresAt,
      kid: ring.currentSigningKey().kid,
    });
  });

  it('works with any jose key resolver: a local JWKS, or a remote one over HTTP as the gateway uses', async () => {
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user'] });
    const local = verifierWith({ keys: createLocalJWKSet(ring.publicJwks()) });
    await expect(local.verify(issued.token)).resolves.toMatchObject({ userId: USER_ID });

    const server = await serveJwks(() => ring.publicJwks());
    try {
      const remote = verifierWith({ keys: createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`)) });
      await expect(remote.verify(issued.token)).resolves.toMatchObject({ userId: USER_ID });
      const stranger = (await JwtKeyRing.generate()).currentSigningKey();
      const foreign = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'ES256', kid: stranger.kid, typ: 'JWT' })
        .sign(stranger.privateKey);
      expect(await refusal(foreign, remote)).toBe('unknown_key');
    } finally {
      await server.close();
    }
  });

  it('lets an unreachable key source fail as itself, not as an invalid token', async () => {
    const server = await serveJwks(() => ring.publicJwks());
    const url = new URL(`${server.url}/.well-known/jwks.json`);
    await server.close();
    const remote = verifierWith({ keys: createRemoteJWKSet(url) });
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user'] });

    const error = await remote.verify(issued.token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('refuses a token whose payload was altered: bad_signature', async () => {
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user'] });
    const [header, payload, signature] = issued.token.split('.') as [string, string, string];
    const original = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as JWTPayload;
    const escalated = { ...original, roles: ['admin'] };
    const tampered = `${header}.${base64url.encode(JSON.stringify(escalated))}.${signature}`;
    expect(await refusal(tampered)).toBe('bad_signature');
  });

  it('refuses a token signed by a different key that claims the same kid: bad_signature', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims({ roles: ['admin'] }))
      .setProtectedHeader({ alg: 'ES256', kid: ring.currentSigningKey().kid, typ: 'JWT' })
      .sign(privateKey);
    expect(await refusal(forged)).toBe('bad_signature');
  });

  it('refuses an expired token (issued in the past): expired', async () => {
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user'], now: new Date(Date.now() - 3600_000) });
    expect(await refusal(issued.token)).toBe('expired');
  });

  it('allows a few seconds of clock skew on exp, never more than 30', async () => {
    const now = new Date();
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user'], now: new Date(now.getTime() - 903_000) });
    await expect(verifier.verify(issued.token, { now })).resolves.toMatchObject({ userId: USER_ID }); // 3 s late
    expect(await refusal(issued.token, verifierWith({ clockToleranceSeconds: 0 }), now)).toBe('expired');
    expect(() => verifierWith({ clockToleranceSeconds: 31 })).toThrow(RangeError);
  });

  it('refuses a token not valid yet: not_yet_valid', async () => {
    const token = await signWithRing(claims({ nbf: Math.floor(Date.now() / 1000) + 120 }));
    expect(await refusal(token)).toBe('not_yet_valid');
  });

  it('refuses an unsigned token (alg none): wrong_algorithm', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: ring.currentSigningKey().kid }));
    const payload = base64url.encode(JSON.stringify(claims({ roles: ['admin'] })));
    expect(await refusal(`${header}.${payload}.`)).toBe('wrong_algorithm');
    expect(await refusal(`${header}.${payload}`)).toBe('malformed');
  });

  it('refuses HS256 keyed with the public key (algorithm confusion): wrong_algorithm', async () => {
    const publicJwk = ring.publicJwks().keys[0]!;
    const publicKey = await importJWK(publicJwk, 'ES256');
    const secrets = [
      new TextEncoder().encode(await exportSPKI(publicKey)),
      new TextEncoder().encode(JSON.stringify(publicJwk)),
      base64url.decode(publicJwk.x),
    ];
    for (const secret of secrets) {
      const token = await new SignJWT(claims({ roles: ['admin'] }))
        .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid, typ: 'JWT' })
        .sign(secret);
      expect(await refusal(token)).toBe('wrong_algorithm');
      // Also when the key source is a plain JWKS, as in the gateway.
      expect(await refusal(token, verifierWith({ keys: createLocalJWKSet(ring.publicJwks()) }))).toBe(
        'wrong_algorithm',
      );
    }
  });

  it('refuses other asymmetric algorithms (RS256, ES384, EdDSA): wrong_algorithm', async () => {
    for (const alg of ['RS256', 'ES384', 'EdDSA']) {
      const { privateKey } = await generateKeyPair(alg);
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg, kid: ring.currentSigningKey().kid, typ: 'JWT' })
        .sign(privateKey);
      expect(await refusal(token)).toBe('wrong_algorithm');
    }
  });

  it('refuses a token whose kid is unknown or missing: unknown_key', async () => {
    const other = await JwtKeyRing.generate();
    const foreign = await new AccessTokenIssuer({ signingKeys: other, issuer: ISSUER, audience: AUDIENCE }).issue({
      userId: USER_ID,
      roles: ['user'],
    });
    expect(await refusal(foreign.token)).toBe('unknown_key');

    const { privateKey } = ring.currentSigningKey();
    const withoutKid = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(privateKey);
    expect(await refusal(withoutKid)).toBe('unknown_key');
  });

  it('refuses a token for another issuer or audience: wrong_issuer, wrong_audience', async () => {
    const issued = await issuer.issue({ userId: USER_ID, roles: ['user'] });
    expect(await refusal(issued.token, verifierWith({ issuer: 'https://evil.test' }))).toBe('wrong_issuer');
    expect(await refusal(issued.token, verifierWith({ audience: 'billing-api' }))).toBe('wrong_audience');
    expect(await refusal(await signWithRing(claims({ iss: undefined })))).toBe('wrong_issuer');
    expect(await refusal(await signWithRing(claims({ aud: ['other', 'another'] })))).toBe('wrong_audience');
  });

  it('refuses tokens that are not well-formed access tokens: malformed', async () => {
    const cases = [
      'not a jwt',
      'a.b.c',
      '',
      await signWithRing(claims({ sub: 'ada' })),
      await signWithRing(claims({ sub: undefined })),
      await signWithRing(claims({ roles: 'admin' })),
      await signWithRing(claims({ roles: ['root'] })),
      await signWithRing(claims({ roles: [1] })),
      await signWithRing(claims({ roles: undefined })),
      await signWithRing(claims({ jti: undefined })),
      await signWithRing(claims({ exp: undefined })),
      await signWithRing(claims(), { typ: 'at+jwt' }),
    ];
    for (const token of cases) expect(await refusal(token)).toBe('malformed');
  });
});

/** A real HTTP server on loopback serving a JWKS, as the auth-service's endpoint would. */
async function serveJwks(jwks: () => unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
