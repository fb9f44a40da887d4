import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, UserNotFoundError } from '../../src/domain/auth.errors.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

describe('promoting a user to admin', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_promote');
  });
  afterAll(async () => {
    await bed?.close();
  });

  const rolesOf = async (email: string) =>
    (await bed.dataSource.query(`SELECT roles FROM users WHERE email = $1`, [email]))[0]?.roles as string[] | undefined;

  it('promotes an existing user once; a second run changes nothing and says so', async () => {
    const user = await bed.registerUser({ email: 'linus@example.com' });
    const hashBefore = (await bed.ports.users.findById(user.id))!.passwordHash;

    await expect(bed.useCases.promoteToAdmin.execute({ email: 'Linus@Example.com' })).resolves.toEqual({
      userId: user.id,
      outcome: 'promoted',
    });
    await expect(
      bed.useCases.promoteToAdmin.execute({ email: 'linus@example.com', password: 'ignored for an existing user' }),
    ).resolves.toEqual({ userId: user.id, outcome: 'already_admin' });

    expect(await rolesOf('linus@example.com')).toEqual(['user', 'admin']);
    expect((await bed.ports.users.findById(user.id))!.passwordHash).toBe(hashBefore);
    // The next log-in carries the new role.
    const tokens = await bed.useCases.logIn.execute({ email: 'linus@example.com', password: GOOD_PASSWORD });
    await expect(bed.verifier.verify(tokens.accessToken)).resolves.toMatchObject({ roles: ['user', 'admin'] });
  });

  it('creates the first admin of an installation, and announces the registration', async () => {
    const result = await bed.useCases.promoteToAdmin.execute({
      email: 'ops@example.com',
      displayName: 'Operations',
      password: GOOD_PASSWORD,
    });

    expect(result.outcome).toBe('registered');
    expect(await rolesOf('ops@example.com')).toEqual(['user', 'admin']);
    const events = (await bed.outboxRecords('auth.user.registered')).filter((r) => r.key === result.userId);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.payload).toMatchObject({ userId: result.userId, email: 'ops@example.com' });
    await expect(
      bed.useCases.logIn.execute({ email: 'ops@example.com', password: GOOD_PASSWORD }),
    ).resolves.toMatchObject({ roles: ['user', 'admin'] });
  });

  it('needs a display name and a password to create a user', async () => {
    await expect(bed.useCases.promoteToAdmin.execute({ email: 'ghost@example.com' })).rejects.toBeInstanceOf(
      UserNotFoundError,
    );
    expect(await rolesOf('ghost@example.com')).toBeUndefined();
  });

  it('ends with one admin when two runs create the same one at once', async () => {
    const run = () =>
      bed.useCases.promoteToAdmin.execute({
        email: 'twice@example.com',
        displayName: 'Twice',
        password: GOOD_PASSWORD,
      });

    const results = await Promise.all([run(), run()]);

    expect(results.map((result) => result.outcome).sort()).toEqual(['already_admin', 'registered']);
    expect(new Set(results.map((result) => result.userId)).size).toBe(1);
    expect(await rolesOf('twice@example.com')).toEqual(['user', 'admin']);
    const events = (await bed.outboxRecords('auth.user.registered')).filter((r) => r.key === results[0]!.userId);
    expect(events).toHaveLength(1);
  });

  it('needs users:manage when an API caller asks', async () => {
    const caller = await bed.registerUser({ email: 'mallory@example.com' });

    await expect(
      bed.useCases.promoteToAdmin.execute({
        actor: { userId: caller.id, roles: ['user'] },
        email: 'mallory@example.com',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await rolesOf('mallory@example.com')).toEqual(['user']);
  });
});
