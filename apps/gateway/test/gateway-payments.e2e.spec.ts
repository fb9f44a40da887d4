import { randomBytes } from 'node:crypto';
import { createGatewayClient, type GatewayClient } from '@platform/gateway-client';
import { freePort } from '@platform/infra';
import { eventually, findMessage } from '@platform/infra/testing';
import { startPaymentSandbox, type RunningPaymentSandbox } from '@platform/payment-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';

// One payment end to end: the typed client through the gateway to the business-service, the real
// payment sandbox, and its signed webhook back through the gateway's public route (raw bytes and
// webhook-* headers forwarded as received, or the signature would not match).
describe('gateway → business-service → payment sandbox', () => {
  let sandbox: RunningPaymentSandbox;
  let system: E2eSystem;
  let gatewayUrl: string;
  const conformance = contractConformance();

  beforeAll(async () => {
    sandbox = await startPaymentSandbox({ retryScheduleMs: [100, 200, 400, 800] });
    // The webhook URL is the gateway's, so its port is chosen before anything starts.
    const gatewayPort = await freePort();
    // The gateway listens on this port (PORT below overrides the bed's choice, and so its gatewayUrl).
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    system = await startE2eSystem({
      databasePrefix: 'gateway_payments_e2e',
      business: {
        PAYMENT_PROVIDER_URL: sandbox.url,
        PAYMENT_PROVIDER_CLIENT_ID: sandbox.clientId,
        PAYMENT_PROVIDER_CLIENT_SECRET: sandbox.clientSecret,
        PAYMENT_WEBHOOK_SECRET: sandbox.webhookSecret,
        PAYMENT_WEBHOOK_URL: `${gatewayUrl}/v1/payments/webhooks/sandbox`,
      },
      gateway: { PORT: String(gatewayPort), UPSTREAM_TIMEOUT_MS: '5000', RATE_LIMIT_PER_MINUTE: '100000' },
    });
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    await sandbox?.close();
  });

  async function owner(): Promise<GatewayClient> {
    const api = createGatewayClient({ baseUrl: gatewayUrl });
    api.use(conformance);
    const email = `payer-${randomBytes(4).toString('hex')}@example.com`;
    const password = `ledger lines ${randomBytes(6).toString('hex')}`;
    expect(
      (await api.POST('/v1/auth/register', { body: { email, password, displayName: 'payer' } })).response.status,
    ).toBe(201);
    const login = await api.POST('/v1/auth/login', { body: { email, password } });
    const token = login.data!.accessToken;
    const client = createGatewayClient({ baseUrl: gatewayUrl, accessToken: () => token });
    client.use(conformance);
    return client;
  }

  it('pays an issued invoice through the sandbox checkout: the webhook through the gateway makes it paid and business.invoice.paid is published', async () => {
    const api = await owner();
    let businessId: string | undefined;
    await eventually('the owner to reach the business directory', async () => {
      const { data, error } = await api.POST('/v1/businesses', {
        body: { name: 'Pay GmbH', currency: 'EUR', invoicePrefix: 'PAY' },
      });
      if (error && error.code !== 'BUSINESS.USER_NOT_IN_DIRECTORY') throw new Error(JSON.stringify(error));
      businessId = data?.id;
      return businessId !== undefined;
    });
    const customer = await api.POST('/v1/businesses/{businessId}/customers', {
      params: { path: { businessId: businessId! } },
      body: { name: 'Globex Corporation', email: 'billing@globex.example' },
    });
    const draft = await api.POST('/v1/businesses/{businessId}/invoices', {
      params: { path: { businessId: businessId! } },
      body: {
        customerId: customer.data!.id,
        dueDate: '2030-01-31',
        lines: [{ description: 'Consulting', quantity: 1, unitAmountMinor: 50_000, taxRateBps: 0 }],
      },
    });
    const path = { businessId: businessId!, invoiceId: draft.data!.id };
    const issued = await api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: { path, header: { 'If-Match': draft.response.headers.get('etag')! } },
    });
    expect(issued.response.status).toBe(200);

    const key = randomBytes(8).toString('hex');
    const started = await api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
      params: { path, header: { 'Idempotency-Key': key } },
      body: { amount: { amountMinor: 50_000, currency: 'EUR' } },
    });
    expect(started.response.status).toBe(201);
    expect(started.data).toMatchObject({ status: 'pending', amount: { amountMinor: 50_000, currency: 'EUR' } });
    // The business-service got the client's key: the same request again is the same payment, made once.
    const again = await api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
      params: { path, header: { 'Idempotency-Key': key } },
      body: { amount: { amountMinor: 50_000, currency: 'EUR' } },
    });
    expect(again.data?.id).toBe(started.data!.id);
    expect(sandbox.payments().filter((payment) => payment.reference === started.data!.id)).toHaveLength(1);

    const checkout = await fetch(started.data!.checkoutUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'succeeded' }),
    });
    expect(checkout.status).toBe(200);
    await eventually('the invoice to be paid', async () => {
      const invoice = await api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: { path } });
      return invoice.data?.status === 'paid';
    });
    // The webhook went through the gateway and was accepted at the first signed delivery.
    const [event] = sandbox.events().filter((e) => e.paymentId === sandbox.payments().at(-1)!.id);
    expect(event?.attempts.some((attempt) => attempt.status === 200)).toBe(true);
    expect(event?.attempts.some((attempt) => attempt.status === 401)).toBe(false);

    const listed = await api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', { params: { path } });
    expect(listed.data!.items).toMatchObject([{ id: started.data!.id, status: 'succeeded' }]);
    const message = await findMessage('business.invoice.v1', (m) => {
      const envelope = JSON.parse(m.value?.toString() ?? '{}') as { type?: string; aggregateId?: string };
      return envelope.type === 'business.invoice.paid' && envelope.aggregateId === path.invoiceId;
    });
    expect(JSON.parse(message.value!.toString())).toMatchObject({ payload: { paymentId: started.data!.id } });
  }, 120_000);
});
