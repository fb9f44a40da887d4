import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { BusinessRole } from '../../src/domain/business-role.js';
import { createBusinessTestBed, type BusinessTestBed } from '../support/business-test-bed.js';

describe('members (use cases on PostgreSQL)', () => {
  let bed: BusinessTestBed;

  beforeAll(async () => {
    bed = await createBusinessTestBed('business_uc_members');
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  async function businessWith(...roles: BusinessRole[]) {
    const owner = await bed.registerUser();
    const { business } = await bed.useCases.createBusiness.execute({ actor: owner, name: 'Team', currency: 'EUR' });
    const others = [];
    for (const role of roles) {
      const user = await bed.registerUser();
      await bed.useCases.addMember.execute({ actor: owner, businessId: business.id, email: user.email, role });
      others.push(user);
    }
    return { business, owner, others };
  }

  const rolesOf = async (businessId: string, actor: { userId: string }) =>
    Object.fromEntries(
      (await bed.useCases.listMembers.execute({ actor, businessId })).items.map((member) => [
        member.userId,
        member.role,
      ]),
    );

  it('adds a user of the directory by e-mail, any case, and publishes business.member.added for the notification service', async () => {
    const { business, owner } = await businessWith();
    const grace = await bed.registerUser({ displayName: 'Grace Hopper' });
    const member = await bed.useCases.addMember.execute({
      actor: owner,
      businessId: business.id,
      email: `  ${grace.email.toUpperCase()} `,
      role: 'accountant',
    });
    expect(member).toMatchObject({
      userId: grace.userId,
      email: grace.email,
      displayName: 'Grace Hopper',
      role: 'accountant',
    });
    const [event] = (await bed.outboxRecords('business.member.added')).filter(
      (record) => (record.envelope.payload as { userId: string }).userId === grace.userId,
    );
    expect(event?.key).toBe(business.id);
    expect(event?.envelope.payload).toEqual({
      businessId: business.id,
      businessName: 'Team',
      userId: grace.userId,
      email: grace.email,
      displayName: 'Grace Hopper',
      role: 'accountant',
      addedAt: member.addedAt.toISOString(),
    });
  });

  /** The member events of one business in the outbox, oldest first (role changes and removals). */
  const memberChanges = async (businessId: string) =>
    (await bed.outboxRecords()).filter(
      (record) =>
        record.key === businessId &&
        ['business.member.role-changed', 'business.member.removed'].includes(record.envelope.type),
    );

  it('publishes business.member.role-changed and business.member.removed with the change, keyed by the business', async () => {
    const { business, owner, others } = await businessWith('viewer');
    const [grace] = others as [typeof owner];
    const promoted = await bed.useCases.changeMemberRole.execute({
      actor: owner,
      businessId: business.id,
      userId: grace.userId,
      role: 'admin',
    });
    expect(promoted.role).toBe('admin');
    await bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: grace.userId });

    const [changed, removed, ...more] = await memberChanges(business.id);
    expect(more).toEqual([]);
    // The member topic and key of business.member.added: a business's membership stays in order.
    expect(changed).toMatchObject({ topic: 'business.member.v1', key: business.id });
    expect(changed?.envelope).toMatchObject({
      type: 'business.member.role-changed',
      version: 1,
      aggregateId: business.id,
    });
    const { changedAt } = changed?.envelope.payload as { changedAt: string };
    expect(changed?.envelope.payload).toEqual({
      businessId: business.id,
      userId: grace.userId,
      role: 'admin',
      previousRole: 'viewer',
      changedAt,
    });
    expect(changed?.envelope.occurredAt).toBe(changedAt);

    expect(removed).toMatchObject({ topic: 'business.member.v1', key: business.id });
    expect(removed?.envelope).toMatchObject({ type: 'business.member.removed', version: 1, aggregateId: business.id });
    const { removedAt } = removed?.envelope.payload as { removedAt: string };
    expect(removed?.envelope.payload).toEqual({
      businessId: business.id,
      userId: grace.userId,
      role: 'admin',
      removedAt,
    });
    expect(removed?.envelope.occurredAt).toBe(removedAt);
    // Consumers tell the newer state of a member by these instants.
    expect(Date.parse(removedAt)).toBeGreaterThanOrEqual(Date.parse(changedAt));
  });

  it('publishes no member event for a change that is refused or changes nothing', async () => {
    const { business, owner, others } = await businessWith('viewer', 'admin');
    const [viewer, admin] = others as [typeof owner, typeof owner];
    const refusals: [string, () => Promise<unknown>][] = [
      // A viewer may not manage members; an admin may not touch ownership.
      [
        'BUSINESS.FORBIDDEN',
        () => bed.useCases.removeMember.execute({ actor: viewer, businessId: business.id, userId: admin.userId }),
      ],
      [
        'BUSINESS.FORBIDDEN',
        () =>
          bed.useCases.changeMemberRole.execute({
            actor: viewer,
            businessId: business.id,
            userId: admin.userId,
            role: 'viewer',
          }),
      ],
      [
        'BUSINESS.FORBIDDEN',
        () => bed.useCases.removeMember.execute({ actor: admin, businessId: business.id, userId: owner.userId }),
      ],
      [
        'BUSINESS.FORBIDDEN',
        () =>
          bed.useCases.changeMemberRole.execute({
            actor: admin,
            businessId: business.id,
            userId: viewer.userId,
            role: 'owner',
          }),
      ],
      [
        'BUSINESS.LAST_OWNER',
        () => bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: owner.userId }),
      ],
      [
        'BUSINESS.LAST_OWNER',
        () =>
          bed.useCases.changeMemberRole.execute({
            actor: owner,
            businessId: business.id,
            userId: owner.userId,
            role: 'admin',
          }),
      ],
      [
        'BUSINESS.MEMBER_NOT_FOUND',
        () => bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: uuidv7() }),
      ],
    ];
    for (const [code, attempt] of refusals) await expect(attempt()).rejects.toMatchObject({ code });
    // The same role again succeeds and changes nothing, so it tells no one anything.
    await bed.useCases.changeMemberRole.execute({
      actor: owner,
      businessId: business.id,
      userId: viewer.userId,
      role: 'viewer',
    });
    expect(await memberChanges(business.id)).toEqual([]);
    expect(await rolesOf(business.id, owner)).toEqual({
      [owner.userId]: 'owner',
      [viewer.userId]: 'viewer',
      [admin.userId]: 'admin',
    });
  });

  it('refuses an e-mail the directory does not know (422) and a member added twice (409)', async () => {
    const { business, owner, others } = await businessWith('viewer');
    await expect(
      bed.useCases.addMember.execute({
        actor: owner,
        businessId: business.id,
        email: 'nobody@example.com',
        role: 'viewer',
      }),
    ).rejects.toMatchObject({ code: 'BUSINESS.MEMBER_NOT_IN_DIRECTORY', kind: 'business_rule' });
    await expect(
      bed.useCases.addMember.execute({ actor: owner, businessId: business.id, email: others[0]!.email, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.ALREADY_MEMBER', kind: 'conflict' });
    expect((await rolesOf(business.id, owner))[others[0]!.userId]).toBe('viewer');
  });

  it('lets neither a viewer nor an accountant manage members (403), and an admin only below owner', async () => {
    const { business, owner, others } = await businessWith('viewer', 'accountant', 'admin');
    const [viewer, accountant, admin] = others as [typeof owner, typeof owner, typeof owner];
    const newcomer = await bed.registerUser();
    for (const actor of [viewer, accountant]) {
      await expect(
        bed.useCases.addMember.execute({ actor, businessId: business.id, email: newcomer.email, role: 'viewer' }),
      ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN', kind: 'forbidden' });
      await expect(
        bed.useCases.removeMember.execute({ actor, businessId: business.id, userId: owner.userId }),
      ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN' });
    }
    await expect(
      bed.useCases.addMember.execute({ actor: admin, businessId: business.id, email: newcomer.email, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN' });
    await expect(
      bed.useCases.changeMemberRole.execute({
        actor: admin,
        businessId: business.id,
        userId: owner.userId,
        role: 'viewer',
      }),
    ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN' });
    await bed.useCases.changeMemberRole.execute({
      actor: admin,
      businessId: business.id,
      userId: viewer.userId,
      role: 'accountant',
    });
    await bed.useCases.removeMember.execute({ actor: admin, businessId: business.id, userId: accountant.userId });
    expect(await rolesOf(business.id, owner)).toEqual({
      [owner.userId]: 'owner',
      [viewer.userId]: 'accountant',
      [admin.userId]: 'admin',
    });
  });

  it('never demotes or removes the last owner (422), and does once another owner exists', async () => {
    const { business, owner, others } = await businessWith('admin');
    const [admin] = others as [typeof owner];
    await expect(
      bed.useCases.changeMemberRole.execute({
        actor: owner,
        businessId: business.id,
        userId: owner.userId,
        role: 'admin',
      }),
    ).rejects.toMatchObject({ code: 'BUSINESS.LAST_OWNER', kind: 'business_rule' });
    await expect(
      bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: owner.userId }),
    ).rejects.toMatchObject({ code: 'BUSINESS.LAST_OWNER' });
    await bed.useCases.changeMemberRole.execute({
      actor: owner,
      businessId: business.id,
      userId: admin.userId,
      role: 'owner',
    });
    await bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: owner.userId });
    expect(await rolesOf(business.id, admin)).toEqual({ [admin.userId]: 'owner' });
    // The removed owner is a stranger now.
    await expect(bed.useCases.getBusiness.execute({ actor: owner, businessId: business.id })).rejects.toMatchObject({
      code: 'BUSINESS.NOT_FOUND',
    });
  });

  it('keeps an owner when the two last owners demote or remove each other at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { business, owner, others } = await businessWith('owner');
      const [second] = others as [typeof owner];
      const results = await Promise.allSettled(
        round % 2 === 0
          ? [
              bed.useCases.changeMemberRole.execute({
                actor: owner,
                businessId: business.id,
                userId: second.userId,
                role: 'viewer',
              }),
              bed.useCases.changeMemberRole.execute({
                actor: second,
                businessId: business.id,
                userId: owner.userId,
                role: 'viewer',
              }),
            ]
          : [
              bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: owner.userId }),
              bed.useCases.removeMember.execute({ actor: second, businessId: business.id, userId: second.userId }),
            ],
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const [refused] = results.filter((result) => result.status === 'rejected');
      // The loser either finds itself no longer allowed (demoted first) or meets the last-owner rule.
      expect((refused as PromiseRejectedResult).reason).toMatchObject({
        code: expect.stringMatching(/^BUSINESS\.(LAST_OWNER|FORBIDDEN|NOT_FOUND)$/),
      });
      const rows: { owners: number }[] = await bed.dataSource.query(
        `SELECT count(*)::int AS owners FROM business_members WHERE business_id = $1 AND role = 'owner'`,
        [business.id],
      );
      expect(rows[0]?.owners).toBe(1);
    }
  });

  it('answers 404 for a member who is not one, and for a business the caller is not in, whatever the ids', async () => {
    const { business, owner } = await businessWith();
    const outsider = await bed.registerUser();
    await expect(
      bed.useCases.changeMemberRole.execute({
        actor: owner,
        businessId: business.id,
        userId: outsider.userId,
        role: 'viewer',
      }),
    ).rejects.toMatchObject({ code: 'BUSINESS.MEMBER_NOT_FOUND', kind: 'not_found' });
    await expect(
      bed.useCases.removeMember.execute({ actor: owner, businessId: business.id, userId: 'not-a-uuid' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.MEMBER_NOT_FOUND' });
    for (const businessId of [business.id, uuidv7(), 'x']) {
      for (const attempt of [
        () => bed.useCases.listMembers.execute({ actor: outsider, businessId }),
        () => bed.useCases.addMember.execute({ actor: outsider, businessId, email: outsider.email, role: 'owner' }),
        () =>
          bed.useCases.changeMemberRole.execute({ actor: outsider, businessId, userId: owner.userId, role: 'viewer' }),
        () => bed.useCases.removeMember.execute({ actor: outsider, businessId, userId: owner.userId }),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ code: 'BUSINESS.NOT_FOUND', kind: 'not_found' });
      }
    }
  });

  it('pages the members in the order they joined', async () => {
    const { business, owner, others } = await businessWith('viewer', 'viewer', 'accountant', 'admin');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await bed.useCases.listMembers.execute({ actor: owner, businessId: business.id, limit: 2, cursor });
      seen.push(...page.items.map((member) => member.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([owner.userId, ...others.map((user) => user.userId)]);
  });
});
