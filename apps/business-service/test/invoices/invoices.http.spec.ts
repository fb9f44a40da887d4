import type { InvoicePageResponse, InvoiceResponse } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';
import { seedBusiness, seedCustomer, type SeededBusiness } from '../support/invoice-seeds.js';

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

const DRAFT = {
  dueDate: '2026-03-04',
  lines: [
    { description: 'Consulting, January 2026', quantity: 12, unitAmountMinor: 9500, taxRateBps: 1900 },
    { description: 'Travel expenses', quantity: 1, unitAmountMinor: 24_990 },
  ],
};

// The invoice routes of the service itself, called with identity headers signed as the gateway does.
describe('invoices over HTTP (/v1/businesses/{businessId}/invoices)', () => {
  let running: BusinessServiceUnderTest;
  let db: pg.Client;
  let acme: SeededBusiness;
  let other: SeededBusiness;
  let customerId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    running = await startBusinessService();
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
    const sql = (text: string, values: unknown[]) => db.query(text, values);
    acme = await seedBusiness(sql, { name: 'Acme Consulting GmbH', prefix: 'ACME' });
    other = await seedBusiness(sql, { name: 'Other Ltd', prefix: 'OTHER' });
    customerId = await seedCustomer(sql, acme.businessId, {
      name: 'Globex Corporation',
      email: 'billing@globex.example',
    });
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  async function call<T = InvoiceResponse>(
    method: string,
    path: string,
    as: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const identity = signIdentity(
      { userId: as, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) },
      { method, path },
      running.identityKey,
    );
    const response = await fetch(`${running.service.url}${path}`, {
      method,
      headers: {
        ...identity,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const invoices = (business: SeededBusiness = acme) => `/v1/businesses/${business.businessId}/invoices`;
  const createDraft = async (business = acme, customer = customerId) => {
    const created = await call('POST', invoices(business), business.users.accountant, {
      body: { customerId: customer, ...DRAFT },
    });
    expect(created.status).toBe(201);
    return created.body;
  };

  it('drafts, edits, issues and voids an invoice, each answer with the new ETag', async () => {
    const created = await call('POST', invoices(), acme.users.accountant, { body: { customerId, ...DRAFT } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`${invoices()}/${created.body.id}`);
    expect(created.body).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'EUR',
      subtotal: { amountMinor: 138_990, currency: 'EUR' },
      tax: { amountMinor: 21_660, currency: 'EUR' },
      total: { amountMinor: 160_650, currency: 'EUR' },
      issuedAt: null,
      version: 1,
    });
    expect(created.body.lines[1]).toEqual({
      description: 'Travel expenses',
      quantity: 1,
      unitAmount: { amountMinor: 24_990, currency: 'EUR' },
      taxRateBps: 0,
      subtotal: { amountMinor: 24_990, currency: 'EUR' },
      tax: { amountMinor: 0, currency: 'EUR' },
      total: { amountMinor: 24_990, currency: 'EUR' },
    });
    const path = `${invoices()}/${created.body.id}`;

    const read = await call('GET', path, acme.users.viewer);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    const edited = await call('PATCH', path, acme.users.accountant, {
      body: {
        dueDate: '2026-04-01',
        lines: [{ description: 'Audit', quantity: 3, unitAmountMinor: 333, taxRateBps: 1900 }],
      },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    expect(edited.body).toMatchObject({ dueDate: '2026-04-01', total: { amountMinor: 1189 }, version: 2 });

    const issued = await call('POST', `${path}/issue`, acme.users.accountant, { headers: { 'if-match': '"2"' } });
    expect(issued.status).toBe(200);
    expect(issued.headers.get('etag')).toBe('"3"');
    expect(issued.body).toMatchObject({ status: 'issued', number: `ACME-${year}-0001`, version: 3 });
    expect(issued.body.issuedAt).not.toBeNull();

    const changeIssued = await call('PATCH', path, acme.users.accountant, {
      body: { dueDate: '2026-05-01' },
      headers: { 'if-match': '"3"' },
    });
    expect(changeIssued.status).toBe(409);
    expect(changeIssued.body).toMatchObject({ code: 'INVOICE.NOT_DRAFT' });

    const voided = await call('POST', `${path}/void`, acme.users.admin, {
      body: { reason: 'Wrong billing address' },
      headers: { 'if-match': '"3"' },
    });
    expect(voided.status).toBe(200);
    expect(voided.headers.get('etag')).toBe('"4"');
    expect(voided.body).toMatchObject({ status: 'void', number: `ACME-${year}-0001`, version: 4 });
    expect(voided.body.voidedAt).not.toBeNull();

    const { rows } = await db.query(`SELECT topic, key, payload FROM messaging_outbox WHERE key = $1 ORDER BY id`, [
      path.split('/').pop(),
    ]);
    const envelopes = rows.map(
      (row: { payload: string }) => JSON.parse(row.payload) as { type: string; version: number; payload: unknown },
    );
    expect(envelopes.map((envelope) => `${envelope.type}@${envelope.version}`)).toEqual([
      'business.invoice.issued@2',
      'business.invoice.voided@1',
    ]);
    expect(envelopes[0]?.payload).toEqual({
      invoiceId: created.body.id,
      businessId: acme.businessId,
      businessName: 'Acme Consulting GmbH',
      customerId,
      customerName: 'Globex Corporation',
      customerEmail: 'billing@globex.example',
      number: `ACME-${year}-0001`,
      currency: 'EUR',
      dueDate: '2026-04-01',
      lines: [
        {
          description: 'Audit',
          quantity: 3,
          unitAmount: { amountMinor: 333, currency: 'EUR' },
          taxRateBps: 1900,
          subtotal: { amountMinor: 999, currency: 'EUR' },
          tax: { amountMinor: 190, currency: 'EUR' },
          total: { amountMinor: 1189, currency: 'EUR' },
        },
      ],
      subtotal: { amountMinor: 999, currency: 'EUR' },
      tax: { amountMinor: 190, currency: 'EUR' },
      total: { amountMinor: 1189, currency: 'EUR' },
      issuedAt: issued.body.issuedAt,
    });
    expect(envelopes[1]?.payload).toMatchObject({ reason: 'Wrong billing address', number: `ACME-${year}-0001` });
  });

  it('requires If-Match: 428 without it, 412 when stale, both Problem Details with codes', async () => {
    const draft = await createDraft();
    const path = `${invoices()}/${draft.id}`;
    for (const [method, route, body] of [
      ['PATCH', path, { dueDate: '2026-06-01' }],
      ['DELETE', path, undefined],
      ['POST', `${path}/issue`, undefined],
      ['POST', `${path}/void`, {}],
    ] as const) {
      const missing = await call(method, route, acme.users.owner, { body });
      expect(missing.status, `${method} ${route}`).toBe(428);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(missing.body).toMatchObject({ status: 428, code: 'INVOICE.PRECONDITION_REQUIRED', instance: route });
      const stale = await call(method, route, acme.users.owner, { body, headers: { 'if-match': '"7"' } });
      expect(stale.status, `${method} ${route}`).toBe(412);
      expect(stale.body).toMatchObject({ status: 412, code: 'INVOICE.VERSION_MISMATCH' });
    }
    // A weak tag never matches (If-Match compares strongly), nor does *.
    for (const tag of ['W/"1"', '*']) {
      const weak = await call('PATCH', path, acme.users.owner, {
        body: { dueDate: '2026-06-01' },
        headers: { 'if-match': tag },
      });
      expect(weak.status).toBe(412);
    }
    // One of a list matching is enough.
    const listed = await call('PATCH', path, acme.users.owner, {
      body: { dueDate: '2026-06-01' },
      headers: { 'if-match': '"9", "1"' },
    });
    expect(listed.status).toBe(200);
    const deleted = await call('DELETE', path, acme.users.accountant, { headers: { 'if-match': '"2"' } });
    expect(deleted.status).toBe(204);
    expect((await call('GET', path, acme.users.viewer)).status).toBe(404);
  });

  it('gives 20 concurrent issues of 20 drafts 20 distinct, gapless numbers', async () => {
    const busy = await seedBusiness((text, values) => db.query(text, values), { prefix: 'BUSY' });
    const buyer = await seedCustomer((text, values) => db.query(text, values), busy.businessId);
    const drafts = await Promise.all(Array.from({ length: 20 }, () => createDraft(busy, buyer)));
    const issued = await Promise.all(
      drafts.map((draft) =>
        call('POST', `${invoices(busy)}/${draft.id}/issue`, busy.users.accountant, { headers: { 'if-match': '"1"' } }),
      ),
    );
    expect(issued.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(issued.map((answer) => answer.body.number).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `BUSY-${year}-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('does not let a viewer issue (403), nor an accountant void (403)', async () => {
    const draft = await createDraft();
    const path = `${invoices()}/${draft.id}`;
    const viewer = await call('POST', `${path}/issue`, acme.users.viewer, { headers: { 'if-match': '"1"' } });
    expect(viewer.status).toBe(403);
    expect(viewer.body).toMatchObject({ code: 'BUSINESS.FORBIDDEN' });
    const issued = await call('POST', `${path}/issue`, acme.users.accountant, { headers: { 'if-match': '"1"' } });
    expect(issued.status).toBe(200);
    const accountant = await call('POST', `${path}/void`, acme.users.accountant, { headers: { 'if-match': '"2"' } });
    expect(accountant.status).toBe(403);
  });

  it('answers 404 to a member of another business on every invoice route, whatever the ids', async () => {
    const draft = await createDraft();
    const stranger = other.users.owner;
    const ifMatch = { 'if-match': '"1"' };
    const routes: [string, string, unknown?][] = [];
    for (const base of [invoices(acme), invoices(other)]) {
      const path = `${base}/${draft.id}`;
      routes.push(
        ['GET', path],
        ['PATCH', path, { dueDate: '2026-06-01' }],
        ['DELETE', path],
        ['POST', `${path}/issue`],
        ['POST', `${path}/void`, {}],
      );
    }
    routes.push(['GET', invoices(acme)], ['POST', invoices(acme), { customerId, ...DRAFT }]);
    routes.push(['GET', `/v1/businesses/not-a-uuid/invoices/${draft.id}`], ['GET', `${invoices(other)}/not-a-uuid`]);
    for (const [method, path, body] of routes) {
      const answer = await call(method, path, stranger, { body, headers: ifMatch });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body, `${method} ${path}`).toMatchObject({
        code: expect.stringMatching(/^(BUSINESS|INVOICE)\.NOT_FOUND$/),
      });
    }
    // Nothing changed.
    expect((await call('GET', `${invoices()}/${draft.id}`, acme.users.viewer)).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it('lists newest first with filters and a cursor', async () => {
    const lister = await seedBusiness((text, values) => db.query(text, values), { prefix: 'LIST' });
    const buyer = await seedCustomer((text, values) => db.query(text, values), lister.businessId);
    const made = [];
    for (let i = 0; i < 3; i += 1) made.push(await createDraft(lister, buyer));
    const first = await call<InvoicePageResponse>('GET', `${invoices(lister)}?limit=2`, lister.users.viewer);
    expect(first.status).toBe(200);
    expect(first.body.items.map((invoice) => invoice.id)).toEqual([made[2]!.id, made[1]!.id]);
    const second = await call<InvoicePageResponse>(
      'GET',
      `${invoices(lister)}?limit=2&cursor=${first.body.nextCursor}`,
      lister.users.viewer,
    );
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: made[0]!.id })], nextCursor: null });
    const issued = await call<InvoicePageResponse>(
      'GET',
      `${invoices(lister)}?status=issued&customerId=${uuidv7()}`,
      lister.users.viewer,
    );
    expect(issued.body).toEqual({ items: [], nextCursor: null });
    expect((await call('GET', `${invoices(lister)}?limit=500`, lister.users.viewer)).status).toBe(400);
    expect((await call('GET', `${invoices(lister)}?cursor=bogus`, lister.users.viewer)).status).toBe(422);
  });

  it('refuses bodies that break the contract with 400 and an archived customer with 422', async () => {
    const bad = await call('POST', invoices(), acme.users.accountant, {
      body: { customerId, ...DRAFT, lines: [{ description: 'x', quantity: 0, unitAmountMinor: 1 }] },
    });
    expect(bad.status).toBe(400);
    const archived = await seedCustomer((text, values) => db.query(text, values), acme.businessId, { archived: true });
    const refused = await call('POST', invoices(), acme.users.accountant, { body: { customerId: archived, ...DRAFT } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'INVOICE.CUSTOMER_NOT_AVAILABLE' });
  });
});
