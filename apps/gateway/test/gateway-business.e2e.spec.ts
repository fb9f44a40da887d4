import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createGatewayClient, type GatewayClient, type InvoiceResponse } from '@platform/gateway-client';
import { eventually, findMessage, startTestMailpit, type TestMailpit } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_FILE } from '../src/infrastructure/primary-adapters/cli/api-contract.js';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';

type Invoice = InvoiceResponse;

interface User {
  id: string;
  email: string;
  api: GatewayClient;
}

// End to end through the gateway: the real auth-service, business-service and gateway processes,
// real PostgreSQL, Kafka and Redis. Every call goes through the typed client generated from the
// committed contract, and every answer is checked against that contract (status, content type,
// body, required headers such as an invoice's ETag).
describe('gateway → business-service', () => {
  let system: E2eSystem;
  let mailpit: TestMailpit;
  let api: GatewayClient;
  const conformance = contractConformance();
  const checked = (client: GatewayClient) => {
    client.use(conformance);
    return client;
  };

  beforeAll(async () => {
    // The notification-service serves the business's notification and webhook routes (the 404 sweep).
    mailpit = await startTestMailpit();
    system = await startE2eSystem({
      databasePrefix: 'gateway_business_e2e',
      business: {},
      notification: { SMTP_HOST: mailpit.smtpHost, SMTP_PORT: String(mailpit.smtpPort) },
      gateway: { UPSTREAM_TIMEOUT_MS: '5000', RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '10000' },
    });
    api = checked(createGatewayClient({ baseUrl: system.gatewayUrl }));
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    await mailpit?.stop();
  });

  /** A user registered at the auth-service and logged in through the gateway. */
  async function signUp(name: string): Promise<User> {
    const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
    const password = `ledger lines ${randomBytes(6).toString('hex')}`;
    const registered = await api.POST('/v1/auth/register', { body: { email, password, displayName: name } });
    expect(registered.response.status).toBe(201);
    const login = await api.POST('/v1/auth/login', { body: { email, password } });
    expect(login.response.status).toBe(200);
    const token = login.data!.accessToken;
    return {
      id: registered.data!.id,
      email,
      api: checked(createGatewayClient({ baseUrl: system.gatewayUrl, accessToken: () => token })),
    };
  }

  /** A business `owner` creates, once the business-service has learnt of them (through Kafka). */
  async function createBusiness(owner: User, invoicePrefix: string): Promise<string> {
    let id: string | undefined;
    await eventually('the owner to reach the business directory', async () => {
      const { data, error } = await owner.api.POST('/v1/businesses', {
        body: { name: `${invoicePrefix} GmbH`, currency: 'EUR', invoicePrefix },
      });
      if (error && error.code !== 'BUSINESS.USER_NOT_IN_DIRECTORY') throw new Error(JSON.stringify(error));
      id = data?.id;
      return id !== undefined;
    });
    return id!;
  }

  /** Adds `member` by e-mail, retried while the business-service has not learnt of them yet. */
  async function addMember(owner: User, businessId: string, member: User, role: 'accountant' | 'viewer') {
    await eventually(`${member.email} to reach the business directory`, async () => {
      const { response, error } = await owner.api.POST('/v1/businesses/{businessId}/members', {
        params: { path: { businessId } },
        body: { email: member.email, role },
      });
      if (response.status === 201) return true;
      if (error?.code === 'BUSINESS.MEMBER_NOT_IN_DIRECTORY') return false;
      throw new Error(`adding a member: ${response.status} ${JSON.stringify(error)}`);
    });
  }

  async function createCustomer(owner: User, businessId: string): Promise<string> {
    const { data, response } = await owner.api.POST('/v1/businesses/{businessId}/customers', {
      params: { path: { businessId } },
      body: { name: 'Globex Corporation', email: 'billing@globex.example', taxId: 'DE123456789' },
    });
    expect(response.status).toBe(201);
    return data!.id;
  }

  async function draft(
    owner: User,
    businessId: string,
    customerId: string,
  ): Promise<{ invoice: Invoice; etag: string }> {
    const { data, response } = await owner.api.POST('/v1/businesses/{businessId}/invoices', {
      params: { path: { businessId } },
      body: {
        customerId,
        dueDate: '2030-01-31',
        lines: [{ description: 'Consulting', quantity: 3, unitAmountMinor: 10_000, taxRateBps: 1900 }],
      },
    });
    expect(response.status).toBe(201);
    return { invoice: data!, etag: response.headers.get('etag')! };
  }

  it('learns a user registered at the auth-service through Kafka: adding them by e-mail eventually succeeds', async () => {
    const owner = await signUp('owner');
    const businessId = await createBusiness(owner, 'DIR');
    const newcomer = await signUp('newcomer');
    await addMember(owner, businessId, newcomer, 'accountant');

    const members = await owner.api.GET('/v1/businesses/{businessId}/members', { params: { path: { businessId } } });
    expect(members.data!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: newcomer.id,
          email: newcomer.email,
          displayName: 'newcomer',
          role: 'accountant',
        }),
        expect.objectContaining({ userId: owner.id, role: 'owner' }),
      ]),
    );
    const theirs = await newcomer.api.GET('/v1/businesses');
    expect(theirs.data!.items).toEqual([expect.objectContaining({ id: businessId, role: 'accountant' })]);
  });

  it('creates a business and a customer, drafts, edits with If-Match and issues, the event in the request’s trace', async () => {
    const owner = await signUp('issuer');
    const businessId = await createBusiness(owner, 'ACME');
    const customerId = await createCustomer(owner, businessId);
    const created = await draft(owner, businessId, customerId);
    expect(created.invoice).toMatchObject({
      businessId,
      customerId,
      status: 'draft',
      number: null,
      currency: 'EUR',
      subtotal: { amountMinor: 30_000, currency: 'EUR' },
      tax: { amountMinor: 5_700, currency: 'EUR' },
      total: { amountMinor: 35_700, currency: 'EUR' },
    });
    const invoiceId = created.invoice.id;
    const path = { businessId, invoiceId };

    const read = await owner.api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: { path } });
    expect(read.response.status).toBe(200);
    const etag = read.response.headers.get('etag')!;
    expect(etag).toBe(created.etag);

    const edited = await owner.api.PATCH('/v1/businesses/{businessId}/invoices/{invoiceId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { lines: [{ description: 'Consulting, revised', quantity: 4, unitAmountMinor: 10_000, taxRateBps: 1900 }] },
    });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ status: 'draft', total: { amountMinor: 47_600, currency: 'EUR' } });
    const editedEtag = edited.response.headers.get('etag')!;
    expect(editedEtag).not.toBe(etag);

    const traceId = randomBytes(16).toString('hex');
    const issued = await owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: { path, header: { 'If-Match': editedEtag } },
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(issued.response.status).toBe(200);
    expect(issued.data).toMatchObject({ status: 'issued', number: `ACME-${new Date().getUTCFullYear()}-0001` });
    expect(issued.data!.issuedAt).not.toBeNull();

    const message = await findMessage('business.invoice.v1', (candidate) => {
      const event = JSON.parse(String(candidate.value)) as { type?: string; aggregateId?: string };
      return event.type === 'business.invoice.issued' && event.aggregateId === invoiceId;
    });
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    expect(headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-`));
    expect(JSON.parse(String(message.value))).toMatchObject({
      payload: expect.objectContaining({ invoiceId, number: issued.data!.number }),
    });
  });

  it('answers a stale If-Match with 412 and a missing one with 428, changing nothing', async () => {
    const owner = await signUp('stale');
    const businessId = await createBusiness(owner, 'STALE');
    const { invoice, etag } = await draft(owner, businessId, await createCustomer(owner, businessId));
    const path = { businessId, invoiceId: invoice.id };
    const edited = await owner.api.PATCH('/v1/businesses/{businessId}/invoices/{invoiceId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { dueDate: '2030-02-28' },
    });
    expect(edited.response.status).toBe(200);

    const stale = await owner.api.PATCH('/v1/businesses/{businessId}/invoices/{invoiceId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { dueDate: '2030-03-31' },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ status: 412, code: 'INVOICE.VERSION_MISMATCH' });
    const staleIssue = await owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: { path, header: { 'If-Match': etag } },
    });
    expect(staleIssue.response.status).toBe(412);
    // What a client that forgets the header sends; the typed client would not let it compile.
    const missing = await owner.api.DELETE('/v1/businesses/{businessId}/invoices/{invoiceId}', {
      params: { path, header: {} as { 'If-Match': string } },
    });
    expect(missing.response.status).toBe(428);

    const now = await owner.api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: { path } });
    expect(now.data).toMatchObject({ status: 'draft', dueDate: '2030-02-28' });
    expect(now.response.headers.get('etag')).toBe(edited.response.headers.get('etag'));
  });

  it('changes a recurring invoice only with the ETag it was read with (412 stale, 428 missing), then ends it', async () => {
    const owner = await signUp('schedule');
    const businessId = await createBusiness(owner, 'SCHED');
    const customerId = await createCustomer(owner, businessId);
    const created = await owner.api.POST('/v1/businesses/{businessId}/recurring-invoices', {
      params: { path: { businessId } },
      body: {
        customerId,
        currency: 'EUR',
        lines: [{ description: 'Hosting, monthly', quantity: 1, unitAmountMinor: 4_900, taxRateBps: 1900 }],
        cadence: 'monthly',
        startDate: '2030-01-31',
        autoIssue: false,
        paymentTermDays: 14,
      },
    });
    expect(created.response.status).toBe(201);
    const path = { businessId, recurringInvoiceId: created.data!.id };
    const read = await owner.api.GET('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
      params: { path },
    });
    const etag = read.response.headers.get('etag')!;
    expect(etag).toBe(created.response.headers.get('etag'));

    const paused = await owner.api.PATCH('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { status: 'paused' },
    });
    expect(paused.data).toMatchObject({ status: 'paused' });
    expect(paused.response.headers.get('etag')).not.toBe(etag);
    const stale = await owner.api.PATCH('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { paymentTermDays: 30 },
    });
    expect(stale.error).toMatchObject({ status: 412, code: 'RECURRING_INVOICE.VERSION_MISMATCH' });
    // What a client that forgets the header sends; the typed client would not let it compile.
    const missing = await owner.api.PATCH('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
      params: { path, header: {} as { 'If-Match': string } },
      body: { paymentTermDays: 30 },
    });
    expect(missing.error).toMatchObject({ status: 428, code: 'RECURRING_INVOICE.PRECONDITION_REQUIRED' });

    const ended = await owner.api.DELETE('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
      params: { path },
    });
    expect(ended.response.status).toBe(204);
    const now = await owner.api.GET('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
      params: { path },
    });
    expect(now.data).toMatchObject({ status: 'ended', paymentTermDays: 14 });
  });

  it('gives 20 concurrent issues of 20 drafts 20 distinct, gapless numbers', async () => {
    const owner = await signUp('concurrent');
    const businessId = await createBusiness(owner, 'RACE');
    const customerId = await createCustomer(owner, businessId);
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await draft(owner, businessId, customerId));

    const issued = await Promise.all(
      drafts.map(({ invoice, etag }) =>
        owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
          params: { path: { businessId, invoiceId: invoice.id }, header: { 'If-Match': etag } },
        }),
      ),
    );
    expect(issued.map((answer) => answer.response.status)).toEqual(Array(20).fill(200));
    const year = new Date().getUTCFullYear();
    const numbers = issued.map((answer) => answer.data!.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `RACE-${year}-${String(i + 1).padStart(4, '0')}`));
  });

  it('lets a viewer read an invoice but not issue it (403)', async () => {
    const owner = await signUp('boss');
    const viewer = await signUp('viewer');
    const businessId = await createBusiness(owner, 'VIEW');
    await addMember(owner, businessId, viewer, 'viewer');
    const { invoice } = await draft(owner, businessId, await createCustomer(owner, businessId));
    const path = { businessId, invoiceId: invoice.id };

    const read = await viewer.api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: { path } });
    expect(read.response.status).toBe(200);
    const issue = await viewer.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: { path, header: { 'If-Match': read.response.headers.get('etag')! } },
    });
    expect(issue.response.status).toBe(403);
    expect(issue.error).toMatchObject({ status: 403, code: 'BUSINESS.FORBIDDEN' });
    const still = await owner.api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: { path } });
    expect(still.data).toMatchObject({ status: 'draft', number: null });
  });

  it('answers 404 to a user of another business on every route of this one, whatever they try', async () => {
    const owner = await signUp('tenant');
    const member = await signUp('member');
    const outsider = await signUp('outsider');
    const businessId = await createBusiness(owner, 'TENANT');
    await addMember(owner, businessId, member, 'accountant');
    const customerId = await createCustomer(owner, businessId);
    const { invoice, etag } = await draft(owner, businessId, customerId);
    const issuedDraft = await draft(owner, businessId, customerId);
    const issued = await owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: { path: { businessId, invoiceId: issuedDraft.invoice.id }, header: { 'If-Match': issuedDraft.etag } },
    });
    expect(issued.response.status).toBe(200);
    const issuedEtag = issued.response.headers.get('etag')!;
    // The outsider is a user of a business of their own: known to the service, a member elsewhere.
    await createBusiness(outsider, 'OTHER');

    const them = outsider.api;
    const business = { path: { businessId } };
    const customer = { path: { businessId, customerId } };
    const draftInvoice = { path: { businessId, invoiceId: invoice.id }, header: { 'If-Match': etag } };
    const issuedInvoice = {
      path: { businessId, invoiceId: issuedDraft.invoice.id },
      header: { 'If-Match': issuedEtag },
    };
    const memberPath = { path: { businessId, userId: member.id } };
    // No endpoint of this business exists: the business check answers first, whatever the id.
    const endpoint = { path: { businessId, endpointId: randomUUID() } };
    const line = { description: 'Sneaky', quantity: 1, unitAmountMinor: 100, taxRateBps: 0 };
    const attempts: [string, () => Promise<{ response: Response }>][] = [
      ['GET /v1/businesses/{businessId}', () => them.GET('/v1/businesses/{businessId}', { params: business })],
      [
        'PATCH /v1/businesses/{businessId}',
        () => them.PATCH('/v1/businesses/{businessId}', { params: business, body: { name: 'Mine now' } }),
      ],
      [
        'GET /v1/businesses/{businessId}/summary',
        () => them.GET('/v1/businesses/{businessId}/summary', { params: business }),
      ],
      [
        'GET /v1/businesses/{businessId}/members',
        () => them.GET('/v1/businesses/{businessId}/members', { params: business }),
      ],
      [
        'POST /v1/businesses/{businessId}/members',
        () =>
          them.POST('/v1/businesses/{businessId}/members', {
            params: business,
            body: { email: outsider.email, role: 'owner' },
          }),
      ],
      [
        'PATCH /v1/businesses/{businessId}/members/{userId}',
        () =>
          them.PATCH('/v1/businesses/{businessId}/members/{userId}', { params: memberPath, body: { role: 'viewer' } }),
      ],
      [
        'DELETE /v1/businesses/{businessId}/members/{userId}',
        () => them.DELETE('/v1/businesses/{businessId}/members/{userId}', { params: memberPath }),
      ],
      [
        'GET /v1/businesses/{businessId}/customers',
        () => them.GET('/v1/businesses/{businessId}/customers', { params: business }),
      ],
      [
        'POST /v1/businesses/{businessId}/customers',
        () =>
          them.POST('/v1/businesses/{businessId}/customers', {
            params: business,
            body: { name: 'Planted', email: 'planted@example.com' },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/customers/{customerId}',
        () => them.GET('/v1/businesses/{businessId}/customers/{customerId}', { params: customer }),
      ],
      [
        'PATCH /v1/businesses/{businessId}/customers/{customerId}',
        () =>
          them.PATCH('/v1/businesses/{businessId}/customers/{customerId}', {
            params: customer,
            body: { archived: true },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/invoices',
        () => them.GET('/v1/businesses/{businessId}/invoices', { params: business }),
      ],
      [
        'POST /v1/businesses/{businessId}/invoices',
        () =>
          them.POST('/v1/businesses/{businessId}/invoices', {
            params: business,
            body: { customerId, dueDate: '2030-01-31', lines: [line] },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/invoices/{invoiceId}',
        () =>
          them.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', {
            params: { path: { businessId, invoiceId: invoice.id } },
          }),
      ],
      [
        'PATCH /v1/businesses/{businessId}/invoices/{invoiceId}',
        () =>
          them.PATCH('/v1/businesses/{businessId}/invoices/{invoiceId}', {
            params: draftInvoice,
            body: { lines: [line] },
          }),
      ],
      [
        'DELETE /v1/businesses/{businessId}/invoices/{invoiceId}',
        () => them.DELETE('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: draftInvoice }),
      ],
      [
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/issue',
        () => them.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', { params: draftInvoice }),
      ],
      [
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/void',
        () =>
          them.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/void', {
            params: issuedInvoice,
            body: { reason: 'Not mine' },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/invoices/{invoiceId}/payments',
        () =>
          them.GET('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
            params: { path: { businessId, invoiceId: invoice.id } },
          }),
      ],
      [
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/payments',
        () =>
          them.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
            params: { path: { businessId, invoiceId: invoice.id } },
            body: { amount: { amountMinor: 100, currency: 'EUR' } },
          }),
      ],
      [
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/payments/manual',
        () =>
          them.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments/manual', {
            params: { path: { businessId, invoiceId: invoice.id } },
            body: { amount: { amountMinor: 100, currency: 'EUR' }, reference: 'Not mine' },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/recurring-invoices',
        () => them.GET('/v1/businesses/{businessId}/recurring-invoices', { params: business }),
      ],
      [
        'POST /v1/businesses/{businessId}/recurring-invoices',
        () =>
          them.POST('/v1/businesses/{businessId}/recurring-invoices', {
            params: business,
            body: {
              customerId,
              currency: 'EUR',
              lines: [line],
              cadence: 'monthly',
              startDate: '2030-01-01',
              autoIssue: false,
              paymentTermDays: 14,
            },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}',
        () =>
          them.GET('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
            params: { path: { businessId, recurringInvoiceId: invoice.id } },
          }),
      ],
      [
        'PATCH /v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}',
        () =>
          them.PATCH('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
            params: { path: { businessId, recurringInvoiceId: invoice.id }, header: { 'If-Match': '"1"' } },
            body: { status: 'paused' },
          }),
      ],
      [
        'DELETE /v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}',
        () =>
          them.DELETE('/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}', {
            params: { path: { businessId, recurringInvoiceId: invoice.id } },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/notifications',
        () => them.GET('/v1/businesses/{businessId}/notifications', { params: business }),
      ],
      [
        'GET /v1/businesses/{businessId}/webhook-endpoints',
        () => them.GET('/v1/businesses/{businessId}/webhook-endpoints', { params: business }),
      ],
      [
        'POST /v1/businesses/{businessId}/webhook-endpoints',
        () =>
          them.POST('/v1/businesses/{businessId}/webhook-endpoints', {
            params: business,
            body: { url: 'https://hooks.example.com/sneaky', events: ['invoice.paid'] },
          }),
      ],
      [
        'GET /v1/businesses/{businessId}/webhook-endpoints/{endpointId}',
        () => them.GET('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}', { params: endpoint }),
      ],
      [
        'PATCH /v1/businesses/{businessId}/webhook-endpoints/{endpointId}',
        () =>
          them.PATCH('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}', {
            params: endpoint,
            body: { enabled: false },
          }),
      ],
      [
        'DELETE /v1/businesses/{businessId}/webhook-endpoints/{endpointId}',
        () => them.DELETE('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}', { params: endpoint }),
      ],
      [
        'POST /v1/businesses/{businessId}/webhook-endpoints/{endpointId}/secret/rotate',
        () =>
          them.POST('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/secret/rotate', { params: endpoint }),
      ],
      [
        'GET /v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries',
        () => them.GET('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries', { params: endpoint }),
      ],
      [
        'POST /v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver',
        () =>
          them.POST('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver', {
            params: { path: { ...endpoint.path, deliveryId: randomUUID() } },
          }),
      ],
    ];

    // Every operation of the contract under one business is tried: a route added later must join.
    const contract = JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as { paths: Record<string, object> };
    const routesOfABusiness = Object.entries(contract.paths)
      .filter(([path]) => path.startsWith('/v1/businesses/{businessId}'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(attempts.map(([route]) => route).sort()).toEqual(routesOfABusiness.sort());

    for (const [route, attempt] of attempts) {
      const { response } = await attempt();
      expect(response.status, route).toBe(404);
    }
    // Nothing changed, nothing leaked: the business, its members, customer and invoices are as they were.
    const mine = await them.GET('/v1/businesses');
    expect(mine.data!.items.map((item) => item.id)).not.toContain(businessId);
    const members = await owner.api.GET('/v1/businesses/{businessId}/members', { params: business });
    expect(members.data!.items.map((item) => [item.userId, item.role]).sort()).toEqual(
      [
        [owner.id, 'owner'],
        [member.id, 'accountant'],
      ].sort(),
    );
    const stillDraft = await owner.api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', {
      params: { path: { businessId, invoiceId: invoice.id } },
    });
    expect(stillDraft.data).toMatchObject({ status: 'draft' });
    const stillIssued = await owner.api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', {
      params: { path: { businessId, invoiceId: issuedDraft.invoice.id } },
    });
    expect(stillIssued.data).toMatchObject({ status: 'issued' });
    const stillActive = await owner.api.GET('/v1/businesses/{businessId}/customers/{customerId}', { params: customer });
    expect(stillActive.data).toMatchObject({ archived: false });
  });
});
