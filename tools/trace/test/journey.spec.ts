import { randomBytes } from 'node:crypto';
import { eventually } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTraceId } from '../src/jaeger-api.js';
import { startSystemUnderTrace, type SystemUnderTrace } from './support/system-under-trace.js';
import { expectTrace, findTraceIds } from './support/trace-checks.js';

// One user's journey through the system as `npm start` runs it, each request followed in Jaeger's
// own API: one trace per request across the services it touched, no orphan spans, Kafka and
// database spans, and the paid event's trace linked to the payment's start.
describe('a journey, traced in Jaeger', () => {
  let sut: SystemUnderTrace;
  let gateway: string;
  let token = '';

  beforeAll(async () => {
    sut = await startSystemUnderTrace();
    gateway = sut.system.gatewayUrl;
  }, 900_000);
  afterAll(async () => sut?.stop(), 60_000);

  /** A request to the gateway: its status, body, headers and the trace id of its traceresponse. */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const traceresponse = response.headers.get('traceresponse');
    expect(traceresponse, `${method} ${path} names its trace`).toBeTruthy();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { id?: string },
      headers: response.headers,
      traceId: parseTraceId(traceresponse!),
    };
  }

  it('register, business, customer, invoice and payment: each request is one connected trace', async () => {
    const jaeger = sut.jaeger.queryUrl;
    const email = `journey-${randomBytes(4).toString('hex')}@example.com`;
    const password = `journey lines ${randomBytes(6).toString('hex')}`;

    // Register: gateway → auth-service → auth.user.registered → notification-service → welcome e-mail.
    const registered = await call('POST', '/v1/auth/register', { email, password, displayName: 'Ada' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    await eventually(
      'the welcome e-mail in Mailpit',
      async () => {
        const query = encodeURIComponent(`to:"${email}"`);
        const found = await fetch(`${sut.mailpitApiUrl}/api/v1/search?query=${query}`).then((r) => r.json());
        return (found as { messages_count: number }).messages_count > 0;
      },
      60_000,
    );
    await expectTrace(jaeger, registered.traceId, {
      services: ['gateway', 'auth-service', 'notification-service'],
      kafka: true,
      database: true,
      smtp: true,
    });

    const login = await call('POST', '/v1/auth/login', { email, password });
    token = String(login.body['accessToken']);

    // A business (once the business-service's directory knows the user), then a customer.
    let business: Awaited<ReturnType<typeof call>> | undefined;
    await eventually('the owner to reach the business directory', async () => {
      business = await call('POST', '/v1/businesses', { name: 'Trace GmbH', currency: 'EUR', invoicePrefix: 'TRC' });
      return business.status === 201;
    });
    await expectTrace(jaeger, business!.traceId, { services: ['gateway', 'business-service'], database: true });
    const businessId = business!.body.id!;
    const customerEmail = `customer-${randomBytes(4).toString('hex')}@example.com`;
    const customer = await call('POST', `/v1/businesses/${businessId}/customers`, {
      name: 'Globex',
      email: customerEmail,
    });
    expect(customer.status).toBe(201);
    await expectTrace(jaeger, customer.traceId, { services: ['gateway', 'business-service'], database: true });

    // Issue an invoice: business.invoice.issued reaches the notification-service, which e-mails the customer.
    const draft = await call('POST', `/v1/businesses/${businessId}/invoices`, {
      customerId: customer.body.id,
      dueDate: '2030-01-31',
      lines: [{ description: 'Tracing', quantity: 1, unitAmountMinor: 12_000, taxRateBps: 0 }],
    });
    expect(draft.status).toBe(201);
    const invoicePath = `/v1/businesses/${businessId}/invoices/${draft.body.id}`;
    const issued = await call('POST', `${invoicePath}/issue`, undefined, { 'if-match': draft.headers.get('etag')! });
    expect(issued.status).toBe(200);
    await expectTrace(jaeger, issued.traceId, {
      services: ['gateway', 'business-service', 'notification-service'],
      kafka: true,
      database: true,
      smtp: true,
    });

    // Pay it through the sandbox's checkout: the provider's webhook starts the confirming trace,
    // which links to the request that started the payment and carries the receipt to the notification-service.
    const started = await call(
      'POST',
      `${invoicePath}/payments`,
      { amount: { amountMinor: 12_000, currency: 'EUR' } },
      { 'idempotency-key': randomBytes(8).toString('hex') },
    );
    expect(started.status).toBe(201);
    await expectTrace(jaeger, started.traceId, { services: ['gateway', 'business-service'], database: true });
    const checkout = await fetch(String(started.body['checkoutUrl']), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'succeeded' }),
    });
    expect(checkout.status).toBe(200);
    await eventually('the invoice to be paid', async () => (await call('GET', invoicePath)).body['status'] === 'paid');

    let confirming: string | undefined;
    await eventually(
      'the webhook trace that links to the payment start',
      async () => {
        for (const traceId of await findTraceIds(jaeger, 'business-service', 'POST /v1/payments/webhooks/sandbox')) {
          const linked = await expectTrace(jaeger, traceId, { services: [], linksTo: started.traceId }, 1).catch(
            () => undefined,
          );
          if (linked) confirming = traceId;
        }
        return confirming !== undefined;
      },
      60_000,
    );
    await expectTrace(jaeger, confirming!, {
      services: ['gateway', 'business-service', 'notification-service'],
      kafka: true,
      database: true,
      smtp: true,
      linksTo: started.traceId,
    });
  }, 600_000);
});
