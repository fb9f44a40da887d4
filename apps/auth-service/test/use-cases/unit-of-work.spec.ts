import { UserRegisteredV1Contract } from '@platform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRegisteredPayload } from '../../src/application/user-events.js';
import { DisplayName } from '../../src/domain/display-name.js';
import { Email } from '../../src/domain/email.js';
import { RefreshToken } from '../../src/domain/refresh-token-family.js';
import { User } from '../../src/domain/user.js';
import { createAuthTestBed, type AuthTestBed } from '../support/auth-test-bed.js';

describe('the unit of work', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_unit_of_work');
  });
  afterAll(async () => {
    await bed?.close();
  });

  const newUser = (email: string) =>
    User.register({
      email: Email.parse(email),
      displayName: DisplayName.parse('Test User'),
      passwordHash: '$argon2id$v=19$m=8192,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
      at: bed.clock.now(),
    });

  it('commits the state change and its event together, with the occurredAt it was given', async () => {
    const user = newUser('commit@example.com');
    const occurredAt = new Date('2026-03-01T12:00:00.000Z');

    await bed.ports.unitOfWork.run(async (tx) => {
      await tx.users.save(user);
      await tx.publish(UserRegisteredV1Contract, {
        aggregateId: user.id,
        payload: userRegisteredPayload(user),
        occurredAt,
      });
    });

    expect(await bed.ports.users.findById(user.id)).toBeDefined();
    const [record] = (await bed.outboxRecords()).filter((r) => r.key === user.id);
    expect(record!.envelope.occurredAt).toBe('2026-03-01T12:00:00.000Z');
  });

  it('rolls back the state change and the event when the work throws, and rejects with its error', async () => {
    const user = newUser('rollback@example.com');
    const failure = new Error('the use case changed its mind');

    await expect(
      bed.ports.unitOfWork.run(async (tx) => {
        await tx.users.save(user);
        await tx.refreshTokens.save(
          RefreshToken.startFamily(user.id, { tokenHash: 'a'.repeat(64), at: bed.clock.now(), ttlSeconds: 60 }),
        );
        await tx.publish(UserRegisteredV1Contract, { aggregateId: user.id, payload: userRegisteredPayload(user) });
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await bed.ports.users.findById(user.id)).toBeUndefined();
    expect(await bed.ports.refreshTokens.findByHash('a'.repeat(64))).toBeUndefined();
    expect((await bed.outboxRecords()).filter((r) => r.key === user.id)).toEqual([]);
  });

  it('fails the whole transaction on an event that breaks its contract', async () => {
    const user = newUser('breach@example.com');

    await expect(
      bed.ports.unitOfWork.run(async (tx) => {
        await tx.users.save(user);
        await tx.publish(UserRegisteredV1Contract, {
          aggregateId: user.id,
          payload: { ...userRegisteredPayload(user), registeredAt: 'yesterday' },
        });
      }),
    ).rejects.toThrow();

    expect(await bed.ports.users.findById(user.id)).toBeUndefined();
  });

  it('saves a user again with every field, and a refresh token without clearing its revocation', async () => {
    const user = newUser('update@example.com');
    await bed.ports.users.save(user);
    user.promoteToAdmin();
    user.changePassword(
      '$argon2id$v=19$m=8192,t=1,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNobmV3aGFzaG5ldw',
      bed.clock.now(),
    );
    await bed.ports.users.save(user);
    const stored = (await bed.ports.users.findById(user.id))!;
    expect(stored.toState()).toEqual(user.toState());

    const token = RefreshToken.startFamily(user.id, { tokenHash: 'b'.repeat(64), at: bed.clock.now(), ttlSeconds: 60 });
    await bed.ports.refreshTokens.save(token);
    await expect(bed.ports.refreshTokens.revokeFamily(token.familyId, 'logout', bed.clock.now())).resolves.toBe(1);
    // A copy read before the revocation, saved after it: the revocation stays.
    await bed.ports.refreshTokens.save(token);
    expect((await bed.ports.refreshTokens.findByHash('b'.repeat(64)))!.revokedReason).toBe('logout');
    await expect(bed.ports.refreshTokens.revokeFamily(token.familyId, 'logout_all', bed.clock.now())).resolves.toBe(0);
  });

  it('finds nothing, without an error, for ids and hashes that cannot exist', async () => {
    await expect(bed.ports.users.findById('not-a-uuid')).resolves.toBeUndefined();
    await expect(bed.ports.refreshTokens.findByHash("'; DROP TABLE refresh_tokens; --")).resolves.toBeUndefined();
    await expect(
      bed.ports.unitOfWork.run((tx) => tx.users.findById('0195a4b2-0000-7000-8000-00000000dead')),
    ).resolves.toBeUndefined();
  });
});
