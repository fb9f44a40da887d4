import type { RecurringInvoicePageResponse, RecurringInvoiceResponse } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';
import { seedBusiness, seedCustomer, type SeededBusiness } from '../support/invoice-seeds.js';

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

const SCHEDULE = {
  lines: [{ description: 'Hosting, monthly', quantity: 1, unitAmountMinor: 4900, taxRateBps: 1900 }],
  cadence: 'monthly',
  startDate: '2026-01-31',
  autoIssue: true,
  paymentTermDays: 14,
};

// The recurring invoice routes of the service itself, called with identity headers signed as the gateway does.
describe('recurring invoices over HTTP (/v1/businesses/{businessId}/recurring-invoices)', () => {
  let running: BusinessServiceUnderTest;
  let db: pg.Client;
  let acme: SeededBusiness;
  let other: SeededBusiness;
  let customerId: string;

  beforeAll(async () => {
    running = await startBusinessService();
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
    const sql = (text: string, values: unknown[]) => db.query(text, values);
    acme = await seedBusiness(sql, { name: 'Acme Consulting GmbH', prefix: 'ACME' });
    other = await seedBusiness(sql, { name: 'Other Ltd', prefix: 'OTHER' });
    customerId = await seedCustomer(sql, acme.businessId, { name: 'Globex', email: 'billing@globex.example' });
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  async function call<T = RecurringInvoiceResponse>(
    method: string,
    path: string,
    as: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const identity = signIdentity(
      { userId: as, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) },
      { method, path },
      running.identityKey,
    );
    const response = await fetch(`${running.service.url}${path}`, {
      method,
      headers: { ...identity, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const schedules = (business: SeededBusiness = acme) => `/v1/businesses/${business.businessId}/recurring-invoices`;

  it('creates, reads, pauses, resumes, changes and ends a schedule', async () => {
    const created = await call('POST', schedules(), acme.users.accountant, { customerId, ...SCHEDULE });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${schedules()}/${created.body.id}`);
    expect(created.body).toMatchObject({
      businessId: acme.businessId,
      customerId,
      currency: 'EUR',
      cadence: 'monthly',
      nextDate: '2026-01-31',
      autoIssue: true,
      paymentTermDays: 14,
      status: 'active',
      version: 1,
      lines: [
        {
          description: 'Hosting, monthly',
          quantity: 1,
          unitAmount: { amountMinor: 4900, currency: 'EUR' },
          taxRateBps: 1900,
        },
      ],
    });
    const path = `${schedules()}/${created.body.id}`;

    const read = await call('GET', path, acme.users.viewer);
    expect(read).toMatchObject({ status: 200, body: { id: created.body.id } });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(read.headers.get('etag')).toBe('"1"');
    /** A PATCH based on the version last read, as a client sends it. */
    const change = (body: unknown, version: number, as = acme.users.accountant) =>
      call('PATCH', path, as, body, { 'if-match': `"${version}"` });

    const paused = await change({ status: 'paused' }, 1);
    expect(paused.body).toMatchObject({ status: 'paused', version: 2 });
    expect(paused.headers.get('etag')).toBe('"2"');
    // Resuming skips the periods of the pause: the next one is on or after today.
    const resumed = await change({ status: 'active' }, 2);
    const today = new Date().toISOString().slice(0, 10);
    expect(resumed.body.status).toBe('active');
    expect(resumed.body.nextDate >= today).toBe(true);

    const changed = await change(
      {
        cadence: 'weekly',
        nextDate: '2030-01-07',
        lines: [{ description: 'Support', quantity: 2, unitAmountMinor: 1000 }],
      },
      3,
      acme.users.admin,
    );
    expect(changed.body).toMatchObject({ cadence: 'weekly', nextDate: '2030-01-07', lines: [{ taxRateBps: 0 }] });

    expect((await call('DELETE', path, acme.users.accountant)).status).toBe(204);
    expect((await call('GET', path, acme.users.viewer)).body.status).toBe('ended');
    const again = await change({ status: 'paused' }, 5);
    expect(again).toMatchObject({ status: 409, body: { code: 'RECURRING_INVOICE.ENDED' } });
    expect((await call('DELETE', path, acme.users.accountant)).status).toBe(409);
  });

  it('refuses a change without If-Match (428) or based on a version since changed (412), and changes nothing', async () => {
    const created = await call('POST', schedules(), acme.users.accountant, { customerId, ...SCHEDULE });
    const path = `${schedules()}/${created.body.id}`;
    const unconditional = await call('PATCH', path, acme.users.accountant, { status: 'paused' });
    expect(unconditional).toMatchObject({ status: 428, body: { code: 'RECURRING_INVOICE.PRECONDITION_REQUIRED' } });

    // Two people read version 1; the first change wins, the second is told to read again.
    const first = await call('PATCH', path, acme.users.accountant, { paymentTermDays: 30 }, { 'if-match': '"1"' });
    expect(first.body).toMatchObject({ paymentTermDays: 30, version: 2 });
    const second = await call('PATCH', path, acme.users.admin, { status: 'paused' }, { 'if-match': '"1"' });
    expect(second).toMatchObject({ status: 412, body: { code: 'RECURRING_INVOICE.VERSION_MISMATCH' } });
    const weak = await call('PATCH', path, acme.users.admin, { status: 'paused' }, { 'if-match': 'W/"2"' });
    expect(weak.status).toBe(412);
    expect((await call('GET', path, acme.users.viewer)).body).toMatchObject({ status: 'active', version: 2 });
  });

  it('lists newest first in cursor pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await call('POST', schedules(), acme.users.owner, { customerId, ...SCHEDULE })).body.id);
    }
    const page1 = await call<RecurringInvoicePageResponse>('GET', `${schedules()}?limit=2`, acme.users.viewer);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const page2 = await call<RecurringInvoicePageResponse>(
      'GET',
      `${schedules()}?limit=2&cursor=${page1.body.nextCursor}`,
      acme.users.viewer,
    );
    expect(page2.body.items[0]?.id).toBe(ids[0]);
    expect((await call('GET', `${schedules()}?cursor=bogus`, acme.users.viewer)).status).toBe(422);
  });

  it('refuses what it must: viewer 403, another tenant 404, bad bodies 400/422 as Problem Details', async () => {
    const asViewer = await call('POST', schedules(), acme.users.viewer, { customerId, ...SCHEDULE });
    expect(asViewer).toMatchObject({ status: 403, body: { code: 'BUSINESS.FORBIDDEN' } });
    expect(asViewer.headers.get('content-type')).toContain('application/problem+json');

    const created = await call('POST', schedules(), acme.users.accountant, { customerId, ...SCHEDULE });
    expect((await call('GET', `${schedules()}/${created.body.id}`, other.users.owner)).status).toBe(404);
    expect((await call('GET', `${schedules(other)}/${created.body.id}`, other.users.owner)).body).toMatchObject({
      code: 'RECURRING_INVOICE.NOT_FOUND',
    });

    const badCadence = await call('POST', schedules(), acme.users.accountant, {
      customerId,
      ...SCHEDULE,
      cadence: 'daily',
    });
    expect(badCadence.status).toBe(400);
    const badDate = await call('POST', schedules(), acme.users.accountant, {
      customerId,
      ...SCHEDULE,
      startDate: '2026-02-30',
    });
    expect(badDate.status).toBe(400);
    const foreignCustomer = await call('POST', schedules(other), other.users.owner, { customerId, ...SCHEDULE });
    expect(foreignCustomer).toMatchObject({ status: 422, body: { code: 'INVOICE.CUSTOMER_NOT_AVAILABLE' } });
    const badCurrency = await call('POST', schedules(), acme.users.accountant, {
      customerId,
      ...SCHEDULE,
      currency: 'ABC',
    });
    expect(badCurrency).toMatchObject({ status: 422, body: { code: 'RECURRING_INVOICE.INVALID' } });
  });
});
