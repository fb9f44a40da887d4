import {
  UserErasureRequestedV1Contract,
  UserRegisteredV1Contract,
  UserSessionsRevokedV1Contract,
} from '@platform/contracts';
import { placesOf, searchDatabase } from '@platform/infra/testing';
import { validateOrThrow } from '@platform/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EraseSelfWithPasswordError,
  ErasureNotFoundError,
  ForbiddenError,
  InvalidCredentialsError,
  LastAdminError,
  UserNotFoundError,
} from '../../src/domain/auth.errors.js';
import { ERASED_USER } from '../../src/domain/erased-user.js';
import type { Actor } from '../../src/domain/role.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

const SERVICES = ['business-service', 'notification-service'];

describe('erasing a user', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_erase_user');
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function userWithSessions(email: string) {
    const summary = await bed.registerUser({ email });
    const sessions = [
      await bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD, clientAddress: '192.0.2.7' }),
      await bed.useCases.logIn.execute({ email, password: GOOD_PASSWORD }),
    ];
    const actor: Actor = { userId: summary.id, roles: summary.roles };
    return { summary, actor, sessions };
  }
  async function adminActor(email: string): Promise<Actor> {
    const summary = await bed.registerUser({ email });
    await bed.useCases.promoteToAdmin.execute({ email });
    return { userId: summary.id, roles: ['user', 'admin'] };
  }
  const userRow = async (id: string) =>
    (await bed.dataSource.query(`SELECT * FROM users WHERE id = $1`, [id]))[0] as Record<string, unknown>;
  const eventsOf = async (type: string, userId: string) =>
    (await bed.outboxRecords(type)).filter((record) => record.key === userId);
  const confirm = (erasureId: string, userId: string, service: string, recordsChanged = 3) =>
    bed.unitOfWork.run((tx) =>
      bed.useCases.recordErasureConfirmation.execute(
        {
          service,
          payload: { erasureId, userId, recordsChanged, completedAt: bed.clock.now().toISOString() },
        },
        tx,
      ),
    );

  it('refuses a wrong password and changes nothing', async () => {
    const { summary, actor, sessions } = await userWithSessions('wrong@example.com');
    const before = await userRow(summary.id);
    const outboxBefore = (await bed.outboxRecords()).length;

    await expect(
      bed.useCases.eraseUser.execute({ actor, via: 'self', password: 'not my password' }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);

    expect(await userRow(summary.id)).toEqual(before);
    expect(await bed.outboxRecords()).toHaveLength(outboxBefore);
    expect(await bed.dataSource.query(`SELECT 1 FROM erasures WHERE user_id = $1`, [summary.id])).toEqual([]);
    await expect(bed.useCases.refresh.execute({ refreshToken: sessions[0]!.refreshToken })).resolves.toMatchObject({
      userId: summary.id,
    });
  });

  it('with the password: ends every session, deletes the personal fields and announces both events', async () => {
    const { summary, actor, sessions } = await userWithSessions('ada@example.com');
    const accountRows = await bed.dataSource.query(`SELECT count(*)::int AS n FROM login_account_throttle`);

    const result = await bed.useCases.eraseUser.execute({ actor, via: 'self', password: GOOD_PASSWORD });
    expect(result).toMatchObject({ userId: summary.id, status: 'pending' });

    const row = await userRow(summary.id);
    expect(row).toMatchObject({ id: summary.id, email: null, display_name: null, password_hash: null });
    expect(row['erased_at']).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toMatch(/ada|User \d/i);
    expect(await bed.dataSource.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1`, [summary.id])).toEqual([]);
    // The account's throttle counter (an HMAC of the e-mail) went with it.
    expect((await bed.dataSource.query(`SELECT count(*)::int AS n FROM login_account_throttle`))[0].n).toBe(
      accountRows[0].n - 1,
    );
    for (const session of sessions) {
      await expect(bed.useCases.refresh.execute({ refreshToken: session.refreshToken })).rejects.toMatchObject({
        code: 'AUTH.INVALID_REFRESH_TOKEN',
      });
    }
    await expect(
      bed.useCases.logIn.execute({ email: 'ada@example.com', password: GOOD_PASSWORD }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(bed.useCases.getMe.execute({ actor })).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(
      bed.useCases.eraseUser.execute({ actor, via: 'self', password: GOOD_PASSWORD }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
    const listed = await bed.useCases.listUsers.execute({
      actor: { userId: actor.userId, roles: ['admin'] },
      limit: 100,
    });
    expect(listed.items.map((user) => user.id)).not.toContain(summary.id);

    const [revoked] = await eventsOf('auth.user.sessions-revoked', summary.id);
    expect(revoked!.envelope.payload).toEqual({
      userId: summary.id,
      tokensValidAfter: (row['tokens_valid_after'] as Date).toISOString(),
      reason: 'erased',
    });
    validateOrThrow(UserSessionsRevokedV1Contract.payload, revoked!.envelope.payload);
    const requested = await eventsOf('auth.user.erasure-requested', summary.id);
    expect(requested).toHaveLength(1);
    expect(requested[0]!.topic).toBe('auth.user.v1');
    expect(requested[0]!.envelope.payload).toEqual({
      erasureId: result.erasureId,
      userId: summary.id,
      requestedAt: (row['erased_at'] as Date).toISOString(),
    });
    validateOrThrow(UserErasureRequestedV1Contract.payload, requested[0]!.envelope.payload);

    const erasure = await bed.useCases.getErasure.execute({
      actor: { userId: actor.userId, roles: ['admin'] },
      erasureId: result.erasureId,
    });
    expect(erasure).toMatchObject({
      id: result.erasureId,
      userId: summary.id,
      requestedVia: 'self',
      status: 'pending',
      confirmations: [],
      awaiting: SERVICES,
    });

    // The address is free again: a new account, with a new id.
    const again = await bed.registerUser({ email: 'ada@example.com' });
    expect(again.id).not.toBe(summary.id);
  });

  it('scrubs the person from the auth.user.registered it stored: the outbox keeps the event, anonymised', async () => {
    const person = { email: 'scrub.me@example.com', displayName: 'Scrubbable Person' };
    const summary = await bed.registerUser(person);
    const bystander = await bed.registerUser({ email: 'stays@example.com', displayName: 'Staying Person' });
    const actor: Actor = { userId: summary.id, roles: summary.roles };
    const registered = async (userId: string) => (await eventsOf('auth.user.registered', userId))[0]!;
    const before = await registered(summary.id);
    expect(before.envelope.payload).toMatchObject(person);
    const bystanderBefore = await registered(bystander.id);

    await bed.useCases.eraseUser.execute({ actor, via: 'self', password: GOOD_PASSWORD });

    // Nowhere in the database, whether the relay published the row already or not.
    expect(placesOf(await searchDatabase(bed.database.url, [person.email, person.displayName]))).toEqual([]);
    const after = await registered(summary.id);
    expect(after).toMatchObject({ eventId: before.eventId, topic: before.topic, key: summary.id });
    expect(after.envelope).toEqual({
      ...before.envelope,
      payload: { ...before.envelope.payload, email: ERASED_USER.email, displayName: ERASED_USER.displayName },
    });
    validateOrThrow(UserRegisteredV1Contract.payload, after.envelope.payload);
    expect(await registered(bystander.id)).toEqual(bystanderBefore);
  });

  it('lets an admin erase another user, never themselves here, and only admins', async () => {
    const admin = await adminActor('root@example.com');
    const { summary, actor } = await userWithSessions('grace@example.com');

    await expect(bed.useCases.eraseUser.execute({ actor, via: 'admin', userId: admin.userId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      bed.useCases.eraseUser.execute({ actor: admin, via: 'admin', userId: admin.userId }),
    ).rejects.toBeInstanceOf(EraseSelfWithPasswordError);
    await expect(
      bed.useCases.eraseUser.execute({ actor: admin, via: 'admin', userId: '0192f0c1-7a4e-7c3b-8f00-1234567890ab' }),
    ).rejects.toBeInstanceOf(UserNotFoundError);

    const result = await bed.useCases.eraseUser.execute({ actor: admin, via: 'admin', userId: summary.id });
    expect(await userRow(summary.id)).toMatchObject({ email: null, password_hash: null });
    const [row] = await bed.dataSource.query(`SELECT * FROM erasures WHERE id = $1`, [result.erasureId]);
    expect(row).toMatchObject({ user_id: summary.id, requested_by: admin.userId, requested_via: 'admin' });
    await expect(
      bed.useCases.eraseUser.execute({ actor: admin, via: 'admin', userId: summary.id }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it('records each confirming service once and completes when every one confirmed', async () => {
    const { summary, actor } = await userWithSessions('confirmed@example.com');
    const admin: Actor = { userId: actor.userId, roles: ['admin'] };
    const { erasureId } = await bed.useCases.eraseUser.execute({ actor, via: 'self', password: GOOD_PASSWORD });

    await confirm(erasureId, summary.id, 'business-service', 4);
    await confirm(erasureId, summary.id, 'business-service', 99);
    expect(await bed.useCases.getErasure.execute({ actor: admin, erasureId })).toMatchObject({
      status: 'pending',
      confirmations: [{ service: 'business-service', recordsChanged: 4 }],
      awaiting: ['notification-service'],
    });
    await confirm(erasureId, summary.id, 'notification-service', 0);
    expect(await bed.useCases.getErasure.execute({ actor: admin, erasureId })).toMatchObject({
      status: 'completed',
      confirmations: [
        { service: 'business-service', recordsChanged: 4 },
        { service: 'notification-service', recordsChanged: 0 },
      ],
      awaiting: [],
    });

    // An unknown erasure, or one of another user, is dropped without failing the consumer.
    await confirm('0192f0c1-7a4e-7c3b-8f00-1234567890ab', summary.id, 'business-service');
    await confirm(erasureId, '0192f0c1-7a4e-7c3b-8f00-1234567890ab', 'someone-service');
    expect(
      await bed.dataSource.query(`SELECT service FROM erasure_confirmations WHERE erasure_id = $1 ORDER BY service`, [
        erasureId,
      ]),
    ).toEqual([{ service: 'business-service' }, { service: 'notification-service' }]);
    // Logs reach the capture asynchronously (and a second test bed takes the capture over: this test runs before those).
    await bed.logs.waitFor((record) => record.message === 'confirmation of an unknown erasure ignored');
    await expect(bed.useCases.getErasure.execute({ actor: admin, erasureId: 'not-an-id' })).rejects.toBeInstanceOf(
      ErasureNotFoundError,
    );
    await expect(bed.useCases.getErasure.execute({ actor, erasureId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('never erases the last admin', async () => {
    const other = await createAuthTestBed('auth_erase_last_admin');
    try {
      const first = await other.registerUser({ email: 'one@example.com' });
      await other.useCases.promoteToAdmin.execute({ email: 'one@example.com' });
      const one: Actor = { userId: first.id, roles: ['user', 'admin'] };
      await expect(
        other.useCases.eraseUser.execute({ actor: one, via: 'self', password: GOOD_PASSWORD }),
      ).rejects.toMatchObject({ code: 'AUTH.LAST_ADMIN', kind: 'conflict' });
      expect((await other.dataSource.query(`SELECT email FROM users WHERE id = $1`, [first.id]))[0].email).toBe(
        'one@example.com',
      );

      const second = await other.registerUser({ email: 'two@example.com' });
      await other.useCases.promoteToAdmin.execute({ email: 'two@example.com' });
      await other.useCases.eraseUser.execute({ actor: one, via: 'self', password: GOOD_PASSWORD });
      const two: Actor = { userId: second.id, roles: ['user', 'admin'] };
      await expect(
        other.useCases.eraseUser.execute({ actor: two, via: 'self', password: GOOD_PASSWORD }),
      ).rejects.toBeInstanceOf(LastAdminError);
    } finally {
      await other.close();
    }
  });

  it('is overdue past its deadline with a service missing, and counted as such', async () => {
    const other = await createAuthTestBed('auth_erase_overdue', { erasure: { deadlineMs: 60_000 } });
    try {
      other.clock.freeze();
      const user = await other.registerUser({ email: 'late@example.com' });
      const actor: Actor = { userId: user.id, roles: user.roles };
      const admin: Actor = { userId: user.id, roles: ['admin'] };
      const { erasureId } = await other.useCases.eraseUser.execute({ actor, via: 'self', password: GOOD_PASSWORD });
      await other.unitOfWork.run((tx) =>
        other.useCases.recordErasureConfirmation.execute(
          {
            service: 'business-service',
            payload: { erasureId, userId: user.id, recordsChanged: 1, completedAt: other.clock.now().toISOString() },
          },
          tx,
        ),
      );
      expect(await other.ports.erasures.countOverdue(other.clock.now(), SERVICES)).toBe(0);

      other.clock.advance(60);
      expect(await other.useCases.getErasure.execute({ actor: admin, erasureId })).toMatchObject({
        status: 'overdue',
        awaiting: ['notification-service'],
      });
      expect(await other.ports.erasures.countOverdue(other.clock.now(), SERVICES)).toBe(1);
      expect(await other.ports.erasures.countOverdue(other.clock.now(), ['business-service'])).toBe(0);
    } finally {
      await other.close();
    }
  });
});
