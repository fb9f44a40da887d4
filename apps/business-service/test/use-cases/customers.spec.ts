import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createBusinessTestBed, type BusinessTestBed } from '../support/business-test-bed.js';

describe('customers (use cases on PostgreSQL)', () => {
  let bed: BusinessTestBed;

  beforeAll(async () => {
    bed = await createBusinessTestBed('business_uc_customers');
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  async function business() {
    const owner = await bed.registerUser();
    const { business } = await bed.useCases.createBusiness.execute({ actor: owner, name: 'Shop', currency: 'EUR' });
    return { owner, businessId: business.id };
  }

  const address = { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' };

  it('creates a customer with its e-mail normalised and the address stored whole, and reads it back', async () => {
    const { owner, businessId } = await business();
    const created = await bed.useCases.createCustomer.execute({
      actor: owner,
      businessId,
      name: 'Globex Corporation',
      email: ' Billing@Globex.Example ',
      address,
      taxId: 'DE123456789',
    });
    expect(created).toMatchObject({
      name: 'Globex Corporation',
      email: 'billing@globex.example',
      address: { ...address, line2: null },
      taxId: 'DE123456789',
      archivedAt: null,
    });
    await expect(
      bed.useCases.getCustomer.execute({ actor: owner, businessId, customerId: created.id }),
    ).resolves.toEqual(created);
  });

  it('refuses an e-mail invoices cannot be sent to (422)', async () => {
    const { owner, businessId } = await business();
    await expect(
      bed.useCases.createCustomer.execute({ actor: owner, businessId, name: 'Bad', email: 'not an address' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.INVALID_EMAIL', kind: 'business_rule' });
  });

  it('updates only the fields given, removes the address and tax id with null, archives and restores', async () => {
    const { owner, businessId } = await business();
    const customer = await bed.useCases.createCustomer.execute({
      actor: owner,
      businessId,
      name: 'Initech',
      email: 'ap@initech.example',
      address,
      taxId: 'US-1',
    });
    const renamed = await bed.useCases.updateCustomer.execute({
      actor: owner,
      businessId,
      customerId: customer.id,
      name: 'Initech LLC',
      address: null,
    });
    expect(renamed).toMatchObject({ name: 'Initech LLC', email: 'ap@initech.example', address: null, taxId: 'US-1' });
    const archived = await bed.useCases.updateCustomer.execute({
      actor: owner,
      businessId,
      customerId: customer.id,
      archived: true,
      taxId: null,
    });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.taxId).toBeNull();
    const again = await bed.useCases.updateCustomer.execute({
      actor: owner,
      businessId,
      customerId: customer.id,
      archived: true,
    });
    expect(again.archivedAt).toEqual(archived.archivedAt);
    const restored = await bed.useCases.updateCustomer.execute({
      actor: owner,
      businessId,
      customerId: customer.id,
      archived: false,
    });
    expect(restored.archivedAt).toBeNull();
    await expect(
      bed.useCases.getCustomer.execute({ actor: owner, businessId, customerId: customer.id }),
    ).resolves.toEqual(restored);
  });

  it('lists newest first, page by page, filtered by archived', async () => {
    const { owner, businessId } = await business();
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const customer = await bed.useCases.createCustomer.execute({
        actor: owner,
        businessId,
        name: `Customer ${index}`,
        email: `c${index}@example.com`,
      });
      ids.push(customer.id);
    }
    await bed.useCases.updateCustomer.execute({ actor: owner, businessId, customerId: ids[1]!, archived: true });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await bed.useCases.listCustomers.execute({ actor: owner, businessId, limit: 2, cursor });
      seen.push(...page.items.map((customer) => customer.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const archived = await bed.useCases.listCustomers.execute({ actor: owner, businessId, archived: true });
    expect(archived.items.map((customer) => customer.id)).toEqual([ids[1]]);
    const active = await bed.useCases.listCustomers.execute({ actor: owner, businessId, archived: false });
    expect(active.items.map((customer) => customer.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
  });

  it('lets a viewer read customers but not write them (403)', async () => {
    const { owner, businessId } = await business();
    const viewer = await bed.registerUser();
    await bed.useCases.addMember.execute({ actor: owner, businessId, email: viewer.email, role: 'viewer' });
    const customer = await bed.useCases.createCustomer.execute({
      actor: owner,
      businessId,
      name: 'Umbrella',
      email: 'u@example.com',
    });
    await expect(
      bed.useCases.getCustomer.execute({ actor: viewer, businessId, customerId: customer.id }),
    ).resolves.toEqual(customer);
    await expect(
      bed.useCases.createCustomer.execute({ actor: viewer, businessId, name: 'X', email: 'x@example.com' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN', kind: 'forbidden' });
    await expect(
      bed.useCases.updateCustomer.execute({ actor: viewer, businessId, customerId: customer.id, archived: true }),
    ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN' });
  });

  it('answers 404 for a customer of another business, even to a member of both, and to outsiders whatever the ids', async () => {
    const first = await business();
    const second = await business();
    const theirs = await bed.useCases.createCustomer.execute({
      actor: second.owner,
      businessId: second.businessId,
      name: 'Theirs',
      email: 't@example.com',
    });
    // first.owner is a member of first only; asking for second's customer under first's id finds nothing.
    for (const customerId of [theirs.id, uuidv7(), 'not-a-uuid']) {
      await expect(
        bed.useCases.getCustomer.execute({ actor: first.owner, businessId: first.businessId, customerId }),
      ).rejects.toMatchObject({ code: 'BUSINESS.CUSTOMER_NOT_FOUND', kind: 'not_found' });
      await expect(
        bed.useCases.updateCustomer.execute({
          actor: first.owner,
          businessId: first.businessId,
          customerId,
          name: 'Mine',
        }),
      ).rejects.toMatchObject({ code: 'BUSINESS.CUSTOMER_NOT_FOUND' });
    }
    for (const attempt of [
      () =>
        bed.useCases.getCustomer.execute({ actor: first.owner, businessId: second.businessId, customerId: theirs.id }),
      () => bed.useCases.listCustomers.execute({ actor: first.owner, businessId: second.businessId }),
      () =>
        bed.useCases.createCustomer.execute({
          actor: first.owner,
          businessId: second.businessId,
          name: 'Sneaky',
          email: 's@example.com',
        }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'BUSINESS.NOT_FOUND', kind: 'not_found' });
    }
    await expect(
      bed.useCases.getCustomer.execute({ actor: second.owner, businessId: second.businessId, customerId: theirs.id }),
    ).resolves.toMatchObject({ name: 'Theirs' });
  });
});
