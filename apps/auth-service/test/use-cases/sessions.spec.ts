import { createHash } from 'node:crypto';
import { UserSessionsRevokedV1Contract } from '@platform/contracts';
import { validateOrThrow } from '@platform/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../src/application/session-tokens.js';
import { ForbiddenError, InvalidRefreshTokenError, RefreshTokenReusedError } from '../../src/domain/auth.errors.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

interface TokenRow {
  id: string;
  family_id: string;
  token_hash: string;
  rotated_at: Date | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

describe('sessions: refresh, log-out, log-out everywhere', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_sessions');
  });
  afterAll(async () => {
    await bed?.close();
  });

  let registered = 0;
  async function newSession(): Promise<SessionTokens> {
    registered += 1;
    const email = `session${registered}@example.com`;
    await bed.registerUser({ email });
    return bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD });
  }
  const rowOf = async (token: string) =>
    (
      await bed.dataSource.query(`SELECT * FROM refresh_tokens WHERE token_hash = $1`, [
        createHash('sha256').update(token).digest('hex'),
      ])
    )[0] as TokenRow | undefined;
  const familyRows = async (familyId: string): Promise<TokenRow[]> =>
    bed.dataSource.query(`SELECT * FROM refresh_tokens WHERE family_id = $1 ORDER BY issued_at, id`, [familyId]);
  const refresh = (refreshToken: string) => bed.useCases.refresh.execute({ refreshToken, clientAddress: '192.0.2.1' });

  describe('refreshing', () => {
    it('rotates: the presented token is spent, its successor in the same family works once', async () => {
      const first = await newSession();

      const second = await refresh(first.refreshToken);

      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second).toMatchObject({ userId: first.userId, sessionId: first.sessionId, roles: ['user'] });
      await expect(bed.verifier.verify(second.accessToken)).resolves.toMatchObject({ userId: first.userId });
      expect(await rowOf(first.refreshToken)).toMatchObject({ revoked_at: null, family_id: first.sessionId });
      expect((await rowOf(first.refreshToken))!.rotated_at).toBeInstanceOf(Date);
      expect(await rowOf(second.refreshToken)).toMatchObject({ rotated_at: null, revoked_at: null });
      await expect(refresh(second.refreshToken)).resolves.toMatchObject({ sessionId: first.sessionId });
    });

    it('revokes the whole family when a spent token comes back, the newest token included', async () => {
      const first = await newSession();
      const second = await refresh(first.refreshToken);
      const third = await refresh(second.refreshToken);

      const reuse = refresh(first.refreshToken);
      await expect(reuse).rejects.toBeInstanceOf(RefreshTokenReusedError);
      await expect(reuse).rejects.toMatchObject({ details: { familyId: first.sessionId } });

      const rows = await familyRows(first.sessionId);
      expect(rows).toHaveLength(3);
      expect(rows.every((row) => row.revoked_at instanceof Date && row.revoked_reason === 'reuse_detected')).toBe(true);
      await expect(refresh(third.refreshToken)).rejects.toMatchObject({
        code: 'AUTH.INVALID_REFRESH_TOKEN',
        details: { reason: 'revoked' },
      });
    });

    it('lets exactly one of two simultaneous refreshes with one token through and treats the other as reuse', async () => {
      const session = await newSession();

      const outcomes = await Promise.allSettled([refresh(session.refreshToken), refresh(session.refreshToken)]);

      const fulfilled = outcomes.filter((o): o is PromiseFulfilledResult<SessionTokens> => o.status === 'fulfilled');
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(RefreshTokenReusedError);
      // One successor only, and the reuse revoked it with the rest of the family.
      const rows = await familyRows(session.sessionId);
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.revoked_reason === 'reuse_detected')).toBe(true);
      await expect(refresh(fulfilled[0]!.value.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    });

    it('refuses an unknown token and an expired one without revoking anything', async () => {
      await expect(refresh('not-a-token-we-issued')).rejects.toMatchObject({ details: { reason: 'unknown' } });

      const session = await newSession();
      bed.clock.advance(3601);
      await expect(refresh(session.refreshToken)).rejects.toMatchObject({
        code: 'AUTH.INVALID_REFRESH_TOKEN',
        details: { reason: 'expired' },
      });
      expect(await rowOf(session.refreshToken)).toMatchObject({ rotated_at: null, revoked_at: null });
    });
  });

  describe('logging out', () => {
    it('revokes every token of the session and leaves other sessions alone', async () => {
      const session = await newSession();
      const rotated = await refresh(session.refreshToken);
      const email = (await bed.ports.users.findById(session.userId))!.email.value;
      const otherDevice = await bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD });

      await expect(bed.useCases.logOut.execute({ refreshToken: rotated.refreshToken })).resolves.toEqual({
        loggedOut: true,
      });

      const rows = await familyRows(session.sessionId);
      expect(rows.map((row) => row.revoked_reason)).toEqual(['logout', 'logout']);
      await expect(refresh(rotated.refreshToken)).rejects.toMatchObject({ details: { reason: 'revoked' } });
      await expect(refresh(otherDevice.refreshToken)).resolves.toMatchObject({ sessionId: otherDevice.sessionId });
    });

    it('answers an unknown token with loggedOut false, and keeps the first reason of a revoked family', async () => {
      await expect(bed.useCases.logOut.execute({ refreshToken: 'unknown' })).resolves.toEqual({ loggedOut: false });

      const session = await newSession();
      await bed.useCases.logOut.execute({ refreshToken: session.refreshToken });
      const revokedAt = (await rowOf(session.refreshToken))!.revoked_at;
      bed.clock.advance(1);
      await bed.useCases.logOut.execute({ refreshToken: session.refreshToken });
      expect(await rowOf(session.refreshToken)).toMatchObject({ revoked_reason: 'logout', revoked_at: revokedAt });
    });
  });

  describe('logging out everywhere', () => {
    it('revokes every session of the user and refuses access tokens issued before', async () => {
      const first = await newSession();
      const email = (await bed.ports.users.findById(first.userId))!.email.value;
      const second = await bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD });
      await refresh(second.refreshToken);
      const bystander = await newSession();
      const actor = { userId: first.userId, roles: ['user'] as const };
      // Whole seconds later: access tokens carry their issue time in seconds.
      bed.clock.advance(1);

      const result = await bed.useCases.logOutEverywhere.execute({ actor });

      expect(result).toMatchObject({ userId: first.userId, revokedTokens: 3 });
      const rows: TokenRow[] = await bed.dataSource.query(`SELECT * FROM refresh_tokens WHERE user_id = $1`, [
        first.userId,
      ]);
      expect(rows).toHaveLength(3);
      expect(rows.every((row) => row.revoked_reason === 'logout_all')).toBe(true);
      await expect(refresh(bystander.refreshToken)).resolves.toMatchObject({ userId: bystander.userId });

      const user = (await bed.ports.users.findById(first.userId))!;
      expect(user.tokensValidAfter).toEqual(result.tokensValidAfter);
      for (const session of [first, second]) {
        const { issuedAt } = await bed.verifier.verify(session.accessToken);
        expect(issuedAt.getTime()).toBeLessThan(result.tokensValidAfter.getTime());
        expect(user.acceptsTokenIssuedAt(issuedAt)).toBe(false);
      }

      // Announced in the same transaction, for the gateway to refuse those access tokens too.
      const events = (await bed.outboxRecords('auth.user.sessions-revoked')).filter((r) => r.key === first.userId);
      expect(events).toHaveLength(1);
      expect(events[0]!.topic).toBe('auth.user.v1');
      expect(events[0]!.envelope).toMatchObject({
        aggregateId: first.userId,
        occurredAt: result.tokensValidAfter.toISOString(),
        payload: {
          userId: first.userId,
          tokensValidAfter: result.tokensValidAfter.toISOString(),
          reason: 'logout_all',
        },
      });
      await expect(
        validateOrThrow(UserSessionsRevokedV1Contract.payload, events[0]!.envelope.payload, {
          forbidUnknownProperties: true,
        }),
      ).resolves.toBeDefined();
    });

    it("lets an admin end another user's sessions, and nobody else", async () => {
      const victim = await newSession();
      const other = await newSession();

      await expect(
        bed.useCases.logOutEverywhere.execute({
          actor: { userId: other.userId, roles: ['user'] },
          userId: victim.userId,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(refresh(victim.refreshToken)).resolves.toBeDefined();

      const result = await bed.useCases.logOutEverywhere.execute({
        actor: { userId: other.userId, roles: ['user', 'admin'] },
        userId: victim.userId,
      });
      expect(result).toMatchObject({ userId: victim.userId, revokedTokens: 2 });
    });
  });
});
