import type { InvoiceIssuedV2, InvoiceVoidedV1 } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreateInvoiceInput } from '../../src/application/create-invoice.use-case.js';
import type { InvoiceView } from '../../src/application/invoice-changes.js';
import { createInvoiceTestBed, type InvoiceTestBed, type SeededBusiness } from '../support/invoice-test-bed.js';

const actor = (userId: string) => ({ userId });
const LINES: CreateInvoiceInput['lines'] = [
  { description: 'Consulting, January 2026', quantity: 12, unitAmountMinor: 9500, taxRateBps: 1900 },
  { description: 'Travel expenses', quantity: 1, unitAmountMinor: 24_990 },
];

describe('invoice use cases (real PostgreSQL)', () => {
  let bed: InvoiceTestBed;
  let acme: SeededBusiness;
  let customerId: string;

  beforeAll(async () => {
    bed = await createInvoiceTestBed('invoice_use_cases');
    acme = await bed.seedBusiness({ name: 'Acme Consulting GmbH', prefix: 'ACME' });
    customerId = await bed.seedCustomer(acme.businessId, {
      name: 'Globex Corporation',
      email: 'billing@globex.example',
    });
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    bed.clock.now = undefined;
  });

  function draft(business: SeededBusiness = acme, overrides: Partial<CreateInvoiceInput> = {}): Promise<InvoiceView> {
    return bed.useCases.create.execute({
      actor: actor(business.users.accountant),
      businessId: business.businessId,
      customerId,
      dueDate: '2026-03-04',
      lines: LINES,
      ...overrides,
    });
  }

  const issue = (invoice: InvoiceView, business = acme, userId = business.users.accountant) =>
    bed.useCases.issue.execute({
      actor: actor(userId),
      businessId: business.businessId,
      invoiceId: invoice.id,
      expectedVersions: [invoice.version],
    });

  describe('drafts', () => {
    it('creates a draft in the business currency, without a number, with totals by the rounding rule', async () => {
      const invoice = await draft();
      expect(invoice).toMatchObject({
        status: 'draft',
        number: null,
        currency: 'EUR',
        version: 1,
        subtotalMinor: 138_990,
        taxMinor: 21_660,
        totalMinor: 160_650,
      });
      const read = await bed.useCases.get.execute({
        actor: actor(acme.users.viewer),
        businessId: acme.businessId,
        invoiceId: invoice.id,
      });
      expect(read).toEqual(invoice);
    });

    it('refuses a customer of another business or an archived one (422), a viewer (403) and a non-member (404)', async () => {
      const other = await bed.seedBusiness();
      const theirs = await bed.seedCustomer(other.businessId);
      await expect(draft(acme, { customerId: theirs })).rejects.toMatchObject({
        code: 'INVOICE.CUSTOMER_NOT_AVAILABLE',
        kind: 'business_rule',
      });
      const archived = await bed.seedCustomer(acme.businessId, { archived: true });
      await expect(draft(acme, { customerId: archived })).rejects.toMatchObject({
        code: 'INVOICE.CUSTOMER_NOT_AVAILABLE',
      });
      await expect(
        draft(acme, { actor: actor(acme.users.viewer) } as Partial<CreateInvoiceInput>),
      ).rejects.toMatchObject({ code: 'BUSINESS.FORBIDDEN', kind: 'forbidden' });
      await expect(
        draft(acme, { actor: actor(other.users.owner) } as Partial<CreateInvoiceInput>),
      ).rejects.toMatchObject({ code: 'BUSINESS.NOT_FOUND', kind: 'not_found' });
    });

    it('edits a draft over the version read: 428 without one, 412 when stale, the version grows', async () => {
      const invoice = await draft();
      const base = { actor: actor(acme.users.accountant), businessId: acme.businessId, invoiceId: invoice.id };
      await expect(
        bed.useCases.update.execute({ ...base, expectedVersions: undefined, changes: { dueDate: '2026-04-01' } }),
      ).rejects.toMatchObject({ code: 'INVOICE.PRECONDITION_REQUIRED' });
      const edited = await bed.useCases.update.execute({
        ...base,
        expectedVersions: [1],
        changes: {
          dueDate: '2026-04-01',
          lines: [{ description: 'Audit', quantity: 3, unitAmountMinor: 333, taxRateBps: 1900 }],
        },
      });
      expect(edited).toMatchObject({
        version: 2,
        dueDate: '2026-04-01',
        subtotalMinor: 999,
        taxMinor: 190,
        totalMinor: 1189,
      });
      await expect(
        bed.useCases.update.execute({ ...base, expectedVersions: [1], changes: { dueDate: '2026-05-01' } }),
      ).rejects.toMatchObject({ code: 'INVOICE.VERSION_MISMATCH' });
    });

    it('deletes a draft, but not an issued invoice (409 INVOICE.NOT_DRAFT)', async () => {
      const doomed = await draft();
      const base = { actor: actor(acme.users.accountant), businessId: acme.businessId };
      await bed.useCases.delete.execute({ ...base, invoiceId: doomed.id, expectedVersions: [1] });
      await expect(bed.useCases.get.execute({ ...base, invoiceId: doomed.id })).rejects.toMatchObject({
        code: 'INVOICE.NOT_FOUND',
      });
      const issued = await issue(await draft());
      await expect(
        bed.useCases.delete.execute({ ...base, invoiceId: issued.id, expectedVersions: [issued.version] }),
      ).rejects.toMatchObject({ code: 'INVOICE.NOT_DRAFT', kind: 'conflict' });
      await expect(
        bed.useCases.update.execute({
          ...base,
          invoiceId: issued.id,
          expectedVersions: [issued.version],
          changes: { dueDate: '2027-01-01' },
        }),
      ).rejects.toMatchObject({ code: 'INVOICE.NOT_DRAFT', kind: 'conflict' });
    });
  });

  describe('issue and void', () => {
    it('numbers by business and UTC year, publishes the whole invoice, and voids keeping the number', async () => {
      const shop = await bed.seedBusiness({ name: 'Numbered Shop', prefix: 'SHOP' });
      const buyer = await bed.seedCustomer(shop.businessId, { name: 'Initech', email: 'ap@initech.example' });
      const make = () =>
        draft(shop, { customerId: buyer, actor: actor(shop.users.accountant) } as Partial<CreateInvoiceInput>);

      bed.clock.now = new Date('2026-12-31T23:59:59.000Z');
      const first = await issue(await make(), shop);
      expect(first).toMatchObject({ status: 'issued', number: 'SHOP-2026-0001', version: 2 });
      expect(first.issuedAt?.toISOString()).toBe('2026-12-31T23:59:59.000Z');
      expect((await issue(await make(), shop)).number).toBe('SHOP-2026-0002');
      bed.clock.now = new Date('2027-01-01T00:00:00.000Z');
      expect((await issue(await make(), shop)).number).toBe('SHOP-2027-0001');

      const [event] = (await bed.outboxRecords('business.invoice.issued')).filter(
        (record) => record.envelope.aggregateId === first.id,
      );
      expect(event?.topic).toBe('business.invoice.v1');
      expect(event?.key).toBe(first.id);
      expect(event?.envelope.version).toBe(2);
      expect(event?.envelope.payload).toEqual({
        invoiceId: first.id,
        businessId: shop.businessId,
        businessName: 'Numbered Shop',
        customerId: buyer,
        customerName: 'Initech',
        customerEmail: 'ap@initech.example',
        number: 'SHOP-2026-0001',
        currency: 'EUR',
        dueDate: '2026-03-04',
        lines: [
          {
            description: 'Consulting, January 2026',
            quantity: 12,
            unitAmount: { amountMinor: 9500, currency: 'EUR' },
            taxRateBps: 1900,
            subtotal: { amountMinor: 114_000, currency: 'EUR' },
            tax: { amountMinor: 21_660, currency: 'EUR' },
            total: { amountMinor: 135_660, currency: 'EUR' },
          },
          {
            description: 'Travel expenses',
            quantity: 1,
            unitAmount: { amountMinor: 24_990, currency: 'EUR' },
            taxRateBps: 0,
            subtotal: { amountMinor: 24_990, currency: 'EUR' },
            tax: { amountMinor: 0, currency: 'EUR' },
            total: { amountMinor: 24_990, currency: 'EUR' },
          },
        ],
        subtotal: { amountMinor: 138_990, currency: 'EUR' },
        tax: { amountMinor: 21_660, currency: 'EUR' },
        total: { amountMinor: 160_650, currency: 'EUR' },
        issuedAt: '2026-12-31T23:59:59.000Z',
      } satisfies InvoiceIssuedV2);

      const base = { businessId: shop.businessId, invoiceId: first.id, expectedVersions: [first.version] };
      await expect(bed.useCases.void.execute({ ...base, actor: actor(shop.users.accountant) })).rejects.toMatchObject({
        code: 'BUSINESS.FORBIDDEN',
      });
      const voided = await bed.useCases.void.execute({
        ...base,
        actor: actor(shop.users.admin),
        reason: 'Wrong address',
      });
      expect(voided).toMatchObject({
        status: 'void',
        number: 'SHOP-2026-0001',
        voidReason: 'Wrong address',
        version: 3,
      });
      const [voidEvent] = (await bed.outboxRecords('business.invoice.voided')).filter(
        (record) => record.envelope.aggregateId === first.id,
      );
      expect(voidEvent?.envelope.payload).toMatchObject({
        number: 'SHOP-2026-0001',
        businessName: 'Numbered Shop',
        customerEmail: 'ap@initech.example',
        total: { amountMinor: 160_650, currency: 'EUR' },
        reason: 'Wrong address',
      } satisfies Partial<InvoiceVoidedV1>);
    });

    it('refuses illegal transitions with 409: issuing twice, voiding a draft or a void invoice', async () => {
      const invoice = await draft();
      const base = { businessId: acme.businessId, invoiceId: invoice.id, actor: actor(acme.users.owner) };
      await expect(bed.useCases.void.execute({ ...base, expectedVersions: [1] })).rejects.toMatchObject({
        code: 'INVOICE.INVALID_TRANSITION',
        kind: 'conflict',
      });
      const issued = await issue(invoice);
      await expect(issue(issued)).rejects.toMatchObject({ code: 'INVOICE.INVALID_TRANSITION' });
      const voided = await bed.useCases.void.execute({ ...base, expectedVersions: [issued.version] });
      await expect(bed.useCases.void.execute({ ...base, expectedVersions: [voided.version] })).rejects.toMatchObject({
        code: 'INVOICE.INVALID_TRANSITION',
      });
      expect(voided.voidReason).toBeNull();
    });

    it('gives 20 concurrent issues of 20 drafts 20 distinct, gapless numbers', async () => {
      const busy = await bed.seedBusiness({ prefix: 'BUSY' });
      const buyer = await bed.seedCustomer(busy.businessId);
      const drafts = await Promise.all(
        Array.from({ length: 20 }, () =>
          draft(busy, { customerId: buyer, actor: actor(busy.users.accountant) } as Partial<CreateInvoiceInput>),
        ),
      );
      bed.clock.now = new Date('2026-06-15T12:00:00.000Z');
      const issued = await Promise.all(drafts.map((invoice) => issue(invoice, busy)));
      const numbers = issued.map((invoice) => invoice.number).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `BUSY-2026-${String(i + 1).padStart(4, '0')}`));
    });

    it('lets only one of two concurrent issues of the same draft win; the loser gets 412 and takes no number', async () => {
      const race = await bed.seedBusiness({ prefix: 'RACE' });
      const buyer = await bed.seedCustomer(race.businessId);
      const invoice = await draft(race, {
        customerId: buyer,
        actor: actor(race.users.accountant),
      } as Partial<CreateInvoiceInput>);
      bed.clock.now = new Date('2026-06-15T12:00:00.000Z');
      const results = await Promise.allSettled([issue(invoice, race), issue(invoice, race)]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const [lost] = results.filter((result) => result.status === 'rejected');
      expect(lost?.reason).toMatchObject({ code: 'INVOICE.VERSION_MISMATCH' });
      const next = await draft(race, {
        customerId: buyer,
        actor: actor(race.users.accountant),
      } as Partial<CreateInvoiceInput>);
      expect((await issue(next, race)).number).toBe('RACE-2026-0002');
    });

    it('gives the number back when the issue fails after taking it', async () => {
      const shaky = await bed.seedBusiness({ prefix: 'SHAKY' });
      // An address no e-mail can go to: the event breaks its contract after the number was taken.
      const unreachable = await bed.seedCustomer(shaky.businessId, { email: 'not an address' });
      const good = await bed.seedCustomer(shaky.businessId);
      bed.clock.now = new Date('2026-06-15T12:00:00.000Z');
      const doomed = await draft(shaky, {
        customerId: unreachable,
        actor: actor(shaky.users.accountant),
      } as Partial<CreateInvoiceInput>);
      await expect(issue(doomed, shaky)).rejects.toThrow();
      expect(
        (
          await bed.useCases.get.execute({
            actor: actor(shaky.users.viewer),
            businessId: shaky.businessId,
            invoiceId: doomed.id,
          })
        ).status,
      ).toBe('draft');
      const next = await draft(shaky, {
        customerId: good,
        actor: actor(shaky.users.accountant),
      } as Partial<CreateInvoiceInput>);
      expect((await issue(next, shaky)).number).toBe('SHAKY-2026-0001');
    });
  });

  describe('tenant isolation and lists', () => {
    it('answers 404 for an invoice of another business, whatever the route', async () => {
      const invoice = await draft();
      const other = await bed.seedBusiness();
      const asOther = { actor: actor(other.users.owner), businessId: other.businessId, invoiceId: invoice.id };
      const notFound = { code: 'INVOICE.NOT_FOUND', kind: 'not_found' };
      await expect(bed.useCases.get.execute(asOther)).rejects.toMatchObject(notFound);
      await expect(
        bed.useCases.update.execute({ ...asOther, expectedVersions: [1], changes: {} }),
      ).rejects.toMatchObject(notFound);
      await expect(bed.useCases.delete.execute({ ...asOther, expectedVersions: [1] })).rejects.toMatchObject(notFound);
      await expect(bed.useCases.issue.execute({ ...asOther, expectedVersions: [1] })).rejects.toMatchObject(notFound);
      await expect(bed.useCases.void.execute({ ...asOther, expectedVersions: [1] })).rejects.toMatchObject(notFound);
      // And through the right business's id, a non-member is told the business does not exist.
      await expect(bed.useCases.get.execute({ ...asOther, businessId: acme.businessId })).rejects.toMatchObject({
        code: 'BUSINESS.NOT_FOUND',
      });
      expect(
        (await bed.useCases.list.execute({ actor: actor(other.users.owner), businessId: other.businessId })).items,
      ).toEqual([]);
    });

    it('filters by status, customer and due date and pages newest first', async () => {
      const lister = await bed.seedBusiness({ prefix: 'LIST' });
      const a = await bed.seedCustomer(lister.businessId);
      const b = await bed.seedCustomer(lister.businessId);
      const as = actor(lister.users.accountant);
      const made: InvoiceView[] = [];
      for (const [customer, dueDate] of [
        [a, '2026-01-10'],
        [b, '2026-02-10'],
        [a, '2026-03-10'],
        [b, '2026-04-10'],
        [a, '2026-05-10'],
      ] as const) {
        made.push(await draft(lister, { actor: as, customerId: customer, dueDate } as Partial<CreateInvoiceInput>));
      }
      await issue(made[1]!, lister);
      const list = (filters: object) =>
        bed.useCases.list.execute({ actor: actor(lister.users.viewer), businessId: lister.businessId, ...filters });
      const ids = (page: { items: InvoiceView[] }) => page.items.map((invoice) => invoice.id);

      const first = await list({ limit: 2 });
      expect(ids(first)).toEqual([made[4]!.id, made[3]!.id]);
      const second = await list({ limit: 2, cursor: first.nextCursor });
      expect(ids(second)).toEqual([made[2]!.id, made[1]!.id]);
      const third = await list({ limit: 2, cursor: second.nextCursor });
      expect(ids(third)).toEqual([made[0]!.id]);
      expect(third.nextCursor).toBeUndefined();

      expect(ids(await list({ status: 'issued' }))).toEqual([made[1]!.id]);
      expect(ids(await list({ customerId: a }))).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);
      expect(ids(await list({ dueAfter: '2026-02-10', dueBefore: '2026-05-10' }))).toEqual([made[3]!.id, made[2]!.id]);
      expect(ids(await list({ customerId: uuidv7() }))).toEqual([]);
      await expect(list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ kind: 'business_rule' });
      await expect(list({ limit: 101 })).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    });
  });

  describe('summary invalidation', () => {
    it('invalidates the business summary after each commit, with the change already visible, and not on a failure', async () => {
      const cached = await bed.seedBusiness({ prefix: 'CACHE' });
      const buyer = await bed.seedCustomer(cached.businessId);
      bed.summaryCache.clear();
      const invoice = await draft(cached, {
        customerId: buyer,
        actor: actor(cached.users.accountant),
      } as Partial<CreateInvoiceInput>);
      const issued = await issue(invoice, cached);
      await expect(issue(invoice, cached)).rejects.toMatchObject({ code: 'INVOICE.VERSION_MISMATCH' });
      const voided = await bed.useCases.void.execute({
        actor: actor(cached.users.owner),
        businessId: cached.businessId,
        invoiceId: issued.id,
        expectedVersions: [issued.version],
      });
      expect(bed.summaryCache.calls).toEqual([
        { businessId: cached.businessId, observed: { invoices: [`${invoice.id}:draft:1`] } },
        { businessId: cached.businessId, observed: { invoices: [`${invoice.id}:issued:2`] } },
        { businessId: cached.businessId, observed: { invoices: [`${voided.id}:void:3`] } },
      ]);
    });
  });
});
