import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createBusinessTestBed, type BusinessTestBed } from '../support/business-test-bed.js';

describe('businesses (use cases on PostgreSQL)', () => {
  let bed: BusinessTestBed;

  beforeAll(async () => {
    bed = await createBusinessTestBed('business_uc_businesses');
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  it('makes the creator its owner and publishes business.business.created with the business, in one transaction', async () => {
    const ada = await bed.registerUser();
    const created = await bed.useCases.createBusiness.execute({
      actor: ada,
      name: '  Acme Consulting GmbH ',
      currency: 'EUR',
    });
    expect(created.role).toBe('owner');
    expect(created.business).toMatchObject({
      name: 'Acme Consulting GmbH',
      currency: 'EUR',
      invoicePrefix: 'ACMECONSUL',
    });
    const members = await bed.useCases.listMembers.execute({ actor: ada, businessId: created.business.id });
    expect(members.items.map(({ userId, role }) => ({ userId, role }))).toEqual([
      { userId: ada.userId, role: 'owner' },
    ]);
    const events = (await bed.outboxRecords('business.business.created')).filter(
      (record) => record.key === created.business.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.topic).toBe('business.business.v1');
    expect(events[0]?.envelope.payload).toEqual({
      businessId: created.business.id,
      name: 'Acme Consulting GmbH',
      currency: 'EUR',
      invoicePrefix: 'ACMECONSUL',
      ownerUserId: ada.userId,
      createdAt: created.business.createdAt.toISOString(),
    });
  });

  it('keeps an invoice prefix that is given, and refuses a currency ISO 4217 does not know (422)', async () => {
    const ada = await bed.registerUser();
    const created = await bed.useCases.createBusiness.execute({
      actor: ada,
      name: 'Acme',
      currency: 'USD',
      invoicePrefix: 'AC2',
    });
    expect(created.business.invoicePrefix).toBe('AC2');
    await expect(
      bed.useCases.createBusiness.execute({ actor: ada, name: 'Acme', currency: 'ABC' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.UNKNOWN_CURRENCY', kind: 'business_rule' });
  });

  it('refuses a creator the directory does not know yet, creating nothing', async () => {
    const stranger = { userId: uuidv7() };
    await expect(
      bed.useCases.createBusiness.execute({ actor: stranger, name: 'Ghost Ltd', currency: 'EUR' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.USER_NOT_IN_DIRECTORY', retryable: true });
    const page = await bed.useCases.listMyBusinesses.execute({ actor: stranger });
    expect(page.items).toEqual([]);
  });

  it('lists only my businesses, newest first, page by page', async () => {
    const grace = await bed.registerUser();
    const other = await bed.registerUser();
    const names = ['One', 'Two', 'Three', 'Four', 'Five'];
    for (const name of names) await bed.useCases.createBusiness.execute({ actor: grace, name, currency: 'EUR' });
    await bed.useCases.createBusiness.execute({ actor: other, name: 'Not Mine', currency: 'EUR' });

    const first = await bed.useCases.listMyBusinesses.execute({ actor: grace, limit: 2 });
    const second = await bed.useCases.listMyBusinesses.execute({ actor: grace, limit: 2, cursor: first.nextCursor });
    const third = await bed.useCases.listMyBusinesses.execute({ actor: grace, limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((item) => item.business.name)).toEqual(
      [...names].reverse(),
    );
    expect(third.nextCursor).toBeUndefined();
    expect(first.items.every((item) => item.role === 'owner')).toBe(true);
  });

  it('refuses a cursor it did not issue (422) and a limit beyond the bound', async () => {
    const grace = await bed.registerUser();
    for (const cursor of ['nonsense', Buffer.from('["not-a-uuid"]').toString('base64url')]) {
      await expect(bed.useCases.listMyBusinesses.execute({ actor: grace, cursor })).rejects.toMatchObject({
        code: 'BUSINESS.INVALID_CURSOR',
        kind: 'business_rule',
      });
    }
    await expect(bed.useCases.listMyBusinesses.execute({ actor: grace, limit: 101 })).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
    });
  });

  it('shows a business with the caller’s role, and answers 404 to anyone else, whatever the id', async () => {
    const owner = await bed.registerUser();
    const outsider = await bed.registerUser();
    const { business } = await bed.useCases.createBusiness.execute({ actor: owner, name: 'Mine', currency: 'EUR' });
    await expect(bed.useCases.getBusiness.execute({ actor: owner, businessId: business.id })).resolves.toMatchObject({
      business: { id: business.id },
      role: 'owner',
    });
    for (const businessId of [business.id, uuidv7(), 'not-a-uuid']) {
      await expect(bed.useCases.getBusiness.execute({ actor: outsider, businessId })).rejects.toMatchObject({
        code: 'BUSINESS.NOT_FOUND',
        kind: 'not_found',
      });
    }
  });

  it('lets owners and admins rename it and change the prefix, publishing business.business.updated; not an accountant', async () => {
    const owner = await bed.registerUser();
    const accountant = await bed.registerUser();
    const { business } = await bed.useCases.createBusiness.execute({ actor: owner, name: 'Old Name', currency: 'EUR' });
    await bed.useCases.addMember.execute({
      actor: owner,
      businessId: business.id,
      email: accountant.email,
      role: 'accountant',
    });
    const updated = await bed.useCases.updateBusiness.execute({
      actor: owner,
      businessId: business.id,
      name: 'New Name',
      invoicePrefix: 'NEW',
    });
    expect(updated.business).toMatchObject({ name: 'New Name', invoicePrefix: 'NEW', currency: 'EUR' });
    await expect(
      bed.useCases.getBusiness.execute({ actor: accountant, businessId: business.id }),
    ).resolves.toMatchObject({
      business: { name: 'New Name', invoicePrefix: 'NEW' },
      role: 'accountant',
    });
    // Nothing changes: no event.
    await bed.useCases.updateBusiness.execute({ actor: owner, businessId: business.id, name: 'New Name' });
    const events = (await bed.outboxRecords('business.business.updated')).filter(
      (record) => record.key === business.id,
    );
    expect(events.map((record) => record.envelope.payload)).toEqual([
      {
        businessId: business.id,
        name: 'New Name',
        invoicePrefix: 'NEW',
        updatedAt: updated.business.updatedAt.toISOString(),
      },
    ]);
    await expect(
      bed.useCases.updateBusiness.execute({ actor: accountant, businessId: business.id, name: 'Mine Now' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN', kind: 'forbidden' });
  });
});
