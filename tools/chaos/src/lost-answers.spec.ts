import {
  createGatewayClient,
  type BusinessResponse,
  type CustomerResponse,
  type InvoiceResponse,
} from '@platform/gateway-client';
import { describe, expect, it } from 'vitest';
import {
  findLostBusiness,
  findLostCustomer,
  findLostInvoice,
  isAnswerLost,
  recoverInvoice,
  recoverUser,
} from './lost-answers.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
  });

const problem = (status: number, code: string) => ({ error: { code }, response: json(status, { status, code }) });

function invoice(id: string, customerId: string, status: InvoiceResponse['status'] = 'draft'): InvoiceResponse {
  const zero = { amountMinor: 0, currency: 'EUR' };
  return {
    id,
    customerId,
    status,
    businessId: 'b1',
    currency: 'EUR',
    createdAt: '2026-12-07T00:00:00.000Z',
    updatedAt: '2026-12-07T00:00:00.000Z',
    dueDate: '2030-01-31',
    issuedAt: null,
    voidedAt: null,
    overdueAt: null,
    number: null,
    lines: [],
    amountDue: zero,
    paid: zero,
    subtotal: zero,
    tax: zero,
    total: zero,
    version: 1,
  };
}

function customer(id: string, email: string): CustomerResponse {
  return { id, email, name: id, archived: false, address: null, taxId: null, createdAt: '2026-12-07T00:00:00.000Z' };
}

function business(id: string, invoicePrefix: string, name: string): BusinessResponse {
  return { id, invoicePrefix, name, currency: 'EUR', role: 'owner', createdAt: '2026-12-07T00:00:00.000Z' };
}

/** A gateway client whose `fetch` answers from `route` in memory and remembers every request. */
function fakeGateway(route: (request: Request) => Response) {
  const requests: Request[] = [];
  const api = createGatewayClient({
    baseUrl: 'http://gateway.test',
    fetch: async (request) => {
      requests.push(request);
      return route(request);
    },
  });
  return { api, requests };
}

describe('isAnswerLost', () => {
  it('is true only for a 409 IDEMPOTENCY.ANSWER_LOST', () => {
    expect(isAnswerLost(problem(409, 'IDEMPOTENCY.ANSWER_LOST'))).toBe(true);
    // Still running: to be retried, not read back.
    expect(isAnswerLost(problem(409, 'IDEMPOTENCY.IN_PROGRESS'))).toBe(false);
    expect(isAnswerLost(problem(409, 'AUTH.EMAIL_TAKEN'))).toBe(false);
    expect(isAnswerLost(problem(422, 'IDEMPOTENCY.ANSWER_LOST'))).toBe(false);
    expect(isAnswerLost({ data: { id: 'i1' }, response: json(201, { id: 'i1' }) })).toBe(false);
    // The retry window closed without an answer.
    expect(isAnswerLost(undefined)).toBe(false);
  });
});

describe('findLostInvoice', () => {
  it("takes the customer's invoice the ledger does not hold, whatever its status", () => {
    const listed = [invoice('i1', 'c1', 'paid'), invoice('i2', 'c2', 'issued'), invoice('i3', 'c3', 'draft')];
    const recorded = [{ id: 'i1' }, { id: 'i3' }];

    expect(findLostInvoice(listed, 'c2', recorded)?.id).toBe('i2');
  });

  it('finds nothing when the only invoice of the customer is recorded already', () => {
    expect(findLostInvoice([invoice('i1', 'c1')], 'c1', [{ id: 'i1' }])).toBeUndefined();
  });

  it('finds nothing when the customer has no invoice', () => {
    expect(findLostInvoice([invoice('i1', 'c1')], 'c2', [])).toBeUndefined();
  });

  it('takes none of two unrecorded invoices of the customer: which one the request made is unknown', () => {
    expect(findLostInvoice([invoice('i1', 'c1'), invoice('i2', 'c1')], 'c1', [])).toBeUndefined();
  });
});

describe('findLostCustomer', () => {
  it('takes the customer with the e-mail, not one recorded already', () => {
    const listed = [customer('c1', 'a@example.com'), customer('c2', 'Lost@Example.com')];

    expect(findLostCustomer(listed, 'lost@example.com', [{ id: 'c1' }])?.id).toBe('c2');
    expect(findLostCustomer(listed, 'a@example.com', [{ id: 'c1' }])).toBeUndefined();
    expect(findLostCustomer(listed, 'nobody@example.com', [])).toBeUndefined();
  });
});

describe('findLostBusiness', () => {
  it('takes the business with the invoice prefix and name asked for', () => {
    const listed = [business('b1', 'C1', 'Chaos 1 GmbH'), business('b2', 'C2', 'Chaos 2 GmbH')];

    expect(findLostBusiness(listed, { name: 'Chaos 2 GmbH', invoicePrefix: 'C2' }, [])?.id).toBe('b2');
    expect(findLostBusiness(listed, { name: 'Chaos 3 GmbH', invoicePrefix: 'C2' }, [])).toBeUndefined();
    expect(findLostBusiness(listed, { name: 'Chaos 2 GmbH', invoicePrefix: 'C2' }, [{ id: 'b2' }])).toBeUndefined();
  });
});

describe('recoverInvoice', () => {
  it("follows the pages of the customer's invoices to the one the ledger lacks", async () => {
    const { api, requests } = fakeGateway((request) => {
      const url = new URL(request.url);
      if (request.method !== 'GET' || url.pathname !== '/v1/businesses/b1/invoices') return json(404, {});
      return url.searchParams.get('cursor') === 'page-2'
        ? json(200, { items: [invoice('i2', 'c1', 'issued')], nextCursor: null })
        : json(200, { items: [invoice('i1', 'c1', 'paid')], nextCursor: 'page-2' });
    });

    const found = await recoverInvoice(api, 'b1', 'c1', [{ id: 'i1' }]);

    expect(found?.id).toBe('i2');
    expect(requests.map((request) => new URL(request.url).search)).toEqual([
      '?customerId=c1&limit=100',
      '?customerId=c1&cursor=page-2&limit=100',
    ]);
  });

  it('retries a page through a fault', async () => {
    let sent = 0;
    const { api } = fakeGateway(() =>
      sent++ === 0 ? json(503, { status: 503 }) : json(200, { items: [invoice('i1', 'c1')], nextCursor: null }),
    );

    expect((await recoverInvoice(api, 'b1', 'c1', []))?.id).toBe('i1');
    expect(sent).toBe(2);
  });
});

describe('recoverUser', () => {
  it('logs in with the credentials and takes the id of the user the token belongs to', async () => {
    const { api, requests } = fakeGateway((request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path === '/v1/auth/login') return json(200, { accessToken: 'token-1' });
      if (
        request.method === 'GET' &&
        path === '/v1/auth/me' &&
        request.headers.get('authorization') === 'Bearer token-1'
      )
        return json(200, { id: 'u1', email: 'ada@example.com', displayName: 'Ada', roles: [], createdAt: '' });
      return json(401, { status: 401 });
    });

    const user = await recoverUser(api, 'ada@example.com', 'analytical engine');

    expect(user?.id).toBe('u1');
    expect(await requests[0]!.json()).toEqual({ email: 'ada@example.com', password: 'analytical engine' });
  });

  it('recovers nothing when the log-in is refused', async () => {
    const { api, requests } = fakeGateway(() => json(400, { status: 400, code: 'VALIDATION.FAILED' }));

    expect(await recoverUser(api, 'ada@example.com', 'wrong')).toBeUndefined();
    expect(requests).toHaveLength(1);
  });
});
