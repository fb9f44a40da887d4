import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../src/application/invalid-cursor.error.js';
import type { ListUsersInput, ListUsersResult } from '../../src/application/list-users.use-case.js';
import type { UserSummary } from '../../src/application/user-summary.js';
import { ForbiddenError } from '../../src/domain/auth.errors.js';
import type { Actor } from '../../src/domain/role.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

describe('listing users', () => {
  let bed: AuthTestBed;
  let admin: Actor;
  /** Every user of the database, in the order they registered. */
  const everyone: UserSummary[] = [];

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_list_users');
    const promoted = await bed.useCases.promoteToAdmin.execute({
      email: 'root@example.com',
      displayName: 'Root',
      password: GOOD_PASSWORD,
    });
    admin = { userId: promoted.userId, roles: ['user', 'admin'] };
    everyone.push(await bed.useCases.getMe.execute({ actor: admin }));
    for (let i = 1; i <= 24; i += 1) {
      // A second apart, so the order of registration is the order of creation.
      bed.clock.advance(1);
      everyone.push(await bed.registerUser({ email: `member${String(i).padStart(2, '0')}@example.com` }));
    }
  });
  afterAll(async () => {
    await bed?.close();
  });

  const list = (input: Omit<ListUsersInput, 'actor'>) => bed.useCases.listUsers.execute({ actor: admin, ...input });

  async function allPages(input: Omit<ListUsersInput, 'actor'>): Promise<ListUsersResult[]> {
    const pages: ListUsersResult[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ ...input, cursor });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== undefined && pages.length < 10);
    return pages;
  }

  it('is forbidden to a plain user and allowed to an admin', async () => {
    const user: Actor = { userId: everyone[1]!.id, roles: ['user'] };

    await expect(bed.useCases.listUsers.execute({ actor: user })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bed.useCases.listUsers.execute({ actor: user })).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
      details: { permission: 'users:read' },
    });
    await expect(bed.useCases.listUsers.execute({ actor: admin, limit: 1 })).resolves.toMatchObject({
      items: [{ id: admin.userId }],
    });
  });

  it('pages through 25 users ten at a time: 10, 10, 5, in creation order, none twice', async () => {
    const pages = await allPages({ limit: 10 });

    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((page) => page.nextCursor === undefined)).toEqual([false, false, true]);
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toEqual(everyone.map((user) => user.id));
    expect(new Set(ids).size).toBe(25);
    expect(pages[0]!.items[0]).toEqual(everyone[0]);
  });

  it('shows users created while paging on a later page, never twice', async () => {
    const first = await list({ limit: 20 });
    bed.clock.advance(1);
    const late = await bed.registerUser({ email: 'latecomer@example.com' });

    const rest = await list({ limit: 20, cursor: first.nextCursor });

    expect(rest.items.map((item) => item.id)).toEqual([...everyone.slice(20).map((user) => user.id), late.id]);
    everyone.push(late);
  });

  it('filters by role', async () => {
    const admins = await list({ role: 'admin' });
    expect(admins.items.map((item) => item.id)).toEqual([admin.userId]);
    expect(admins.nextCursor).toBeUndefined();
  });

  it('filters by part of the address, in any case, with % and _ matching only themselves', async () => {
    const percent = await bed.registerUser({ email: 'per%cent@example.com' });
    const underscore = await bed.registerUser({ email: 'under_score@example.com' });
    await bed.registerUser({ email: 'perxcent@example.com' });
    await bed.registerUser({ email: 'underxscore@example.com' });

    expect((await list({ emailContains: '%' })).items.map((item) => item.id)).toEqual([percent.id]);
    expect((await list({ emailContains: 'R%C' })).items.map((item) => item.id)).toEqual([percent.id]);
    expect((await list({ emailContains: 'r_s' })).items.map((item) => item.id)).toEqual([underscore.id]);
    expect((await list({ emailContains: 'MEMBER1' })).items).toHaveLength(10);
    expect((await list({ emailContains: '\\' })).items).toEqual([]);
  });

  it('combines filters, and pages through a filtered list', async () => {
    const pages = await allPages({ emailContains: 'member', limit: 7, createdAfter: everyone[4]!.createdAt });

    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toEqual(everyone.slice(5, 25).map((user) => user.id));
    expect(pages.map((page) => page.items.length)).toEqual([7, 7, 6]);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64url of something else', Buffer.from('{"createdAt":"2026-01-01"}').toString('base64url')],
    [
      'a cursor with a day that does not exist',
      Buffer.from('["2026-02-30T10:00:00.000000Z","0195a4b2-0000-7000-8000-000000000000"]').toString('base64url'),
    ],
    [
      'a cursor with an id that is not a UUID',
      Buffer.from('["2026-02-03T10:00:00.000000Z","1; DROP TABLE users"]').toString('base64url'),
    ],
    ['padding', 'WyIyMDI2LTAyLTAzVDEwOjAwOjAwLjAwMDAwMFoiXQ=='],
    ['an empty string', ''],
  ])('refuses %s as a cursor with InvalidCursorError', async (_, cursor) => {
    await expect(list({ cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(list({ cursor })).rejects.toMatchObject({ code: 'AUTH.INVALID_CURSOR', kind: 'business_rule' });
  });

  it('refuses a cursor it issued once it is cut short', async () => {
    const { nextCursor } = await list({ limit: 3 });
    await expect(list({ cursor: nextCursor })).resolves.toBeDefined();
    await expect(list({ cursor: nextCursor!.slice(0, -4) })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('keeps microseconds in its cursor, for rows written by other tools', async () => {
    const ids = ['0195a4b2-0000-7000-8000-000000000001', '0195a4b2-0000-7000-8000-000000000002'];
    await bed.dataSource.query(
      `INSERT INTO users (id, email, display_name, password_hash, created_at, password_changed_at)
       VALUES ($1, 'imported1@example.com', 'Imported', 'x', '2099-01-01T00:00:00.000100Z', now()),
              ($2, 'imported2@example.com', 'Imported', 'x', '2099-01-01T00:00:00.000200Z', now())`,
      ids,
    );

    const pages = await allPages({ limit: 1, createdAfter: new Date('2098-12-31T00:00:00Z') });

    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(ids);
  });
});
