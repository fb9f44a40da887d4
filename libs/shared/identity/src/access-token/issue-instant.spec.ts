import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { accessTokenIssueInstant } from './issue-instant.js';

const at = (iso: string) => new Date(iso);

describe('the issue instant of an access token', () => {
  it('is read to the millisecond from a UUID v7 jti made from the issue instant, as the issuer makes it', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const issued = at('2026-02-01T18:05:12.345Z');
    const token = await new SignJWT({ roles: ['user'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT' })
      .setIssuer('platform-auth')
      .setAudience('platform-api')
      .setSubject(uuidv7())
      .setIssuedAt(Math.floor(issued.getTime() / 1000))
      .setExpirationTime(Math.floor(issued.getTime() / 1000) + 900)
      .setJti(uuidv7({ msecs: issued.getTime() }))
      .sign(privateKey);
    const verifier = new AccessTokenVerifier({
      keys: createLocalJWKSet({ keys: [jwk] }),
      issuer: 'platform-auth',
      audience: 'platform-api',
      knownRoles: ['user'],
    });

    const verified = await verifier.verify(token, { now: at('2026-02-01T18:06:00Z') });

    expect(verified.issuedAt).toEqual(at('2026-02-01T18:05:12.000Z'));
    expect(accessTokenIssueInstant(verified)).toEqual(issued);
  });

  it('tells apart two tokens issued in the same second', () => {
    const issuedAt = at('2026-02-01T18:05:12Z');
    const early = { issuedAt, tokenId: uuidv7({ msecs: Date.parse('2026-02-01T18:05:12.001Z') }) };
    const late = { issuedAt, tokenId: uuidv7({ msecs: Date.parse('2026-02-01T18:05:12.999Z') }) };
    expect(accessTokenIssueInstant(early)).toEqual(at('2026-02-01T18:05:12.001Z'));
    expect(accessTokenIssueInstant(late)).toEqual(at('2026-02-01T18:05:12.999Z'));
  });

  it('falls back to the start of the iat second for a jti that is not a UUID v7', () => {
    const issuedAt = at('2026-02-01T18:05:12Z');
    expect(accessTokenIssueInstant({ issuedAt, tokenId: uuidv4() })).toEqual(issuedAt);
    expect(accessTokenIssueInstant({ issuedAt, tokenId: 'opaque-token-id' })).toEqual(issuedAt);
  });

  it('falls back to the start of the iat second when the jti speaks of another second', () => {
    const issuedAt = at('2026-02-01T18:05:12Z');
    // A jti from a later instant must not make an old token look fresh, nor an earlier one older than iat.
    const later = uuidv7({ msecs: Date.parse('2026-02-01T18:05:13.000Z') });
    const earlier = uuidv7({ msecs: Date.parse('2026-02-01T18:05:11.999Z') });
    expect(accessTokenIssueInstant({ issuedAt, tokenId: later })).toEqual(issuedAt);
    expect(accessTokenIssueInstant({ issuedAt, tokenId: earlier })).toEqual(issuedAt);
  });
});
