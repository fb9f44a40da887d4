import { UserPasswordChangedV1Contract, UserSessionsRevokedV1Contract } from '@platform/contracts';
import { validateOrThrow } from '@platform/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCredentialsError, PasswordPolicyError, TooManyAttemptsError } from '../../src/domain/auth.errors.js';
import type { Actor } from '../../src/domain/role.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

const NEW_PASSWORD = 'an entirely different passphrase';

describe('changing a password', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_change_password');
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function userWithSessions(email: string) {
    const summary = await bed.registerUser({ email });
    const first = await bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD });
    const second = await bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD });
    const actor: Actor = { userId: summary.id, roles: summary.roles };
    return { summary, actor, sessions: [first, second] };
  }
  const hashOf = async (userId: string) =>
    (await bed.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]))[0].password_hash as string;

  it('refuses a wrong current password and changes nothing', async () => {
    const { summary, actor, sessions } = await userWithSessions('alan@example.com');
    const before = await hashOf(summary.id);
    const outboxBefore = (await bed.outboxRecords()).length;

    await expect(
      bed.useCases.changePassword.execute({ actor, currentPassword: 'not my password', newPassword: NEW_PASSWORD }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);

    expect(await hashOf(summary.id)).toBe(before);
    expect(await bed.outboxRecords()).toHaveLength(outboxBefore);
    await expect(bed.useCases.refresh.execute({ refreshToken: sessions[0]!.refreshToken })).resolves.toMatchObject({
      userId: summary.id,
    });
  });

  it('stores the new hash, ends every session and announces auth.user.password-changed and sessions-revoked', async () => {
    const { summary, actor, sessions } = await userWithSessions('claude@example.com');
    const before = await hashOf(summary.id);

    const result = await bed.useCases.changePassword.execute({
      actor,
      currentPassword: GOOD_PASSWORD,
      newPassword: NEW_PASSWORD,
    });

    expect(result).toMatchObject({ userId: summary.id, revokedTokens: 2 });
    const after = await hashOf(summary.id);
    expect(after).not.toBe(before);
    await expect(bed.passwordHasher.verify(after, NEW_PASSWORD)).resolves.toBe(true);
    await expect(bed.passwordHasher.verify(after, GOOD_PASSWORD)).resolves.toBe(false);

    const [row] = await bed.dataSource.query(`SELECT * FROM users WHERE id = $1`, [summary.id]);
    expect(row.password_changed_at).toEqual(result.passwordChangedAt);
    expect(row.tokens_valid_after).toEqual(result.passwordChangedAt);
    const tokens: { revoked_reason: string | null }[] = await bed.dataSource.query(
      `SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1`,
      [summary.id],
    );
    expect(tokens.map((token) => token.revoked_reason)).toEqual(['password_changed', 'password_changed']);
    for (const session of sessions) {
      await expect(bed.useCases.refresh.execute({ refreshToken: session.refreshToken })).rejects.toMatchObject({
        code: 'AUTH.INVALID_REFRESH_TOKEN',
      });
    }

    const events = (await bed.outboxRecords('auth.user.password-changed')).filter((r) => r.key === summary.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.topic).toBe('auth.user.v1');
    expect(events[0]!.envelope).toMatchObject({
      aggregateId: summary.id,
      occurredAt: result.passwordChangedAt.toISOString(),
      payload: { userId: summary.id, changedAt: result.passwordChangedAt.toISOString() },
    });
    await expect(
      validateOrThrow(UserPasswordChangedV1Contract.payload, events[0]!.envelope.payload, {
        forbidUnknownProperties: true,
      }),
    ).resolves.toBeDefined();

    // The gateway learns the cut-off from this event and refuses the access tokens issued before it.
    const revoked = (await bed.outboxRecords('auth.user.sessions-revoked')).filter((r) => r.key === summary.id);
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.topic).toBe('auth.user.v1');
    expect(revoked[0]!.envelope).toMatchObject({
      aggregateId: summary.id,
      occurredAt: result.passwordChangedAt.toISOString(),
      payload: {
        userId: summary.id,
        tokensValidAfter: result.passwordChangedAt.toISOString(),
        reason: 'password_changed',
      },
    });
    await expect(
      validateOrThrow(UserSessionsRevokedV1Contract.payload, revoked[0]!.envelope.payload, {
        forbidUnknownProperties: true,
      }),
    ).resolves.toBeDefined();

    await expect(
      bed.useCases.logIn.execute({ email: 'claude@example.com', password: GOOD_PASSWORD }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(
      bed.useCases.logIn.execute({ email: 'claude@example.com', password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ userId: summary.id });
  });

  it('refuses a new password the policy refuses, after checking the current one, and writes nothing', async () => {
    const { summary, actor } = await userWithSessions('john@example.com');
    const before = await hashOf(summary.id);

    await expect(
      bed.useCases.changePassword.execute({ actor, currentPassword: GOOD_PASSWORD, newPassword: 'password1234' }),
    ).rejects.toMatchObject({ rule: 'common', errors: [expect.objectContaining({ field: 'newPassword' })] });
    await expect(
      bed.useCases.changePassword.execute({ actor, currentPassword: GOOD_PASSWORD, newPassword: 'short' }),
    ).rejects.toBeInstanceOf(PasswordPolicyError);
    expect(await hashOf(summary.id)).toBe(before);
  });

  it('is throttled like a log-in, so a stolen access token cannot guess the password', async () => {
    const { actor } = await userWithSessions('edsger@example.com');
    for (let i = 0; i < bed.throttleSettings.maxFailuresPerPair; i += 1) {
      await expect(
        bed.useCases.changePassword.execute({ actor, currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(
      bed.useCases.changePassword.execute({ actor, currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD }),
    ).rejects.toBeInstanceOf(TooManyAttemptsError);
  });
});
