import { createServer } from 'node:net';
import type { InvoiceResponse } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { eventually } from '@platform/infra/testing';
import { startPaymentSandbox, type Faults, type RunningPaymentSandbox } from '@platform/payment-sandbox';
import pg from 'pg';
import { expect } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';
import { seedBusiness, seedCustomer, type SeededBusiness } from '../support/invoice-seeds.js';

/** An HTTP answer, body parsed. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The business-service with payments on, the payment sandbox it talks to, and a business to bill with. */
export interface PaymentTestSystem {
  sandbox: RunningPaymentSandbox;
  running: BusinessServiceUnderTest;
  db: pg.Client;
  acme: SeededBusiness;
  customerId: string;
  /** The service's route for the sandbox's webhooks (the sandbox calls it straight, no gateway here). */
  webhookUrl: string;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    as: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
  /** An issued invoice of `acme` for `totalMinor` EUR (one line, no tax). */
  issuedInvoice(totalMinor: number): Promise<InvoiceResponse>;
  /** `/v1/businesses/{acme}/invoices/{invoiceId}/payments`. */
  paymentsPath(invoiceId: string): string;
  /** Plays the payer at a checkout URL. */
  checkout(checkoutUrl: string, outcome: 'succeeded' | 'failed'): Promise<void>;
  /** Waits until the invoice is in `status`. */
  invoiceBecomes(invoiceId: string, status: string): Promise<InvoiceResponse>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback: the service must know its own webhook URL before it starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the sandbox (fast webhook retries) and the service configured for it, and seeds a business. */
export async function startPaymentTestSystem(faults: Faults = {}): Promise<PaymentTestSystem> {
  const sandbox = await startPaymentSandbox({ retryScheduleMs: [100, 200, 400, 800], faults });
  const port = await freePort();
  const webhookUrl = `http://127.0.0.1:${port}/v1/payments/webhooks/sandbox`;
  let running: BusinessServiceUnderTest;
  try {
    running = await startBusinessService({
      PORT: String(port),
      PAYMENT_PROVIDER_URL: sandbox.url,
      PAYMENT_PROVIDER_CLIENT_ID: sandbox.clientId,
      PAYMENT_PROVIDER_CLIENT_SECRET: sandbox.clientSecret,
      PAYMENT_WEBHOOK_SECRET: sandbox.webhookSecret,
      PAYMENT_WEBHOOK_URL: webhookUrl,
      PAYMENT_PROVIDER_TIMEOUT_MS: '2000',
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const db = new pg.Client({ connectionString: running.database.url });
  await db.connect();
  const sql = (text: string, values: unknown[]) => db.query(text, values);
  const acme = await seedBusiness(sql, { name: 'Acme Consulting GmbH', prefix: 'ACME' });
  const customerId = await seedCustomer(sql, acme.businessId, { name: 'Globex', email: 'billing@globex.example' });

  const call: PaymentTestSystem['call'] = async (method, path, as, options = {}) => {
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
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const invoicePath = (invoiceId: string) => `/v1/businesses/${acme.businessId}/invoices/${invoiceId}`;

  return {
    sandbox,
    running,
    db,
    acme,
    customerId,
    webhookUrl,
    call,
    paymentsPath: (invoiceId) => `${invoicePath(invoiceId)}/payments`,
    async issuedInvoice(totalMinor) {
      const draft = await call<InvoiceResponse>(
        'POST',
        `/v1/businesses/${acme.businessId}/invoices`,
        acme.users.accountant,
        {
          body: {
            customerId,
            dueDate: '2026-03-04',
            lines: [{ description: 'Consulting', quantity: 1, unitAmountMinor: totalMinor, taxRateBps: 0 }],
          },
        },
      );
      expect(draft.status).toBe(201);
      const issued = await call<InvoiceResponse>('POST', `${invoicePath(draft.body.id)}/issue`, acme.users.accountant, {
        headers: { 'if-match': '"1"' },
      });
      expect(issued.status).toBe(200);
      return issued.body;
    },
    async checkout(checkoutUrl, outcome) {
      const response = await fetch(checkoutUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outcome }),
      });
      expect(response.status).toBe(200);
    },
    async invoiceBecomes(invoiceId, status) {
      let last: InvoiceResponse | undefined;
      await eventually(`invoice ${status}`, async () => {
        last = (await call<InvoiceResponse>('GET', invoicePath(invoiceId), acme.users.viewer)).body;
        return last.status === status;
      });
      return last!;
    },
    async stop() {
      await db.end().catch(() => undefined);
      await running.stop();
      await sandbox.close();
    },
  };
}
