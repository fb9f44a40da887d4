import type { PaymentResponse } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconcilePendingPaymentsUseCase } from '../../src/application/reconcile-pending-payments.use-case.js';
import { startBusinessService } from '../support/business-service-under-test.js';
import { seedBusiness, seedCustomer } from '../support/invoice-seeds.js';
import { startPaymentTestSystem, type PaymentTestSystem } from './payment-test-system.js';

// The provider failing: its own file (and sandbox, and service), so the breaker's window holds only these calls.
describe('payments when the provider fails', () => {
  let system: PaymentTestSystem;

  beforeAll(async () => {
    system = await startPaymentTestSystem();
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
  });

  const start = (invoiceId: string, amountMinor: number, key?: string) =>
    system.call<PaymentResponse>('POST', system.paymentsPath(invoiceId), system.acme.users.accountant, {
      body: { amount: { amountMinor, currency: 'EUR' } },
      headers: key ? { 'idempotency-key': key } : {},
    });
  const atSandbox = (paymentId: string) => system.sandbox.payments().filter((p) => p.reference === paymentId);

  it('answers 503 Problem Details while the provider fails, keeps the payment initiating, and the retry with the same key makes one payment at the provider', async () => {
    const invoice = await system.issuedInvoice(40_000);
    const key = uuidv7();
    // Every attempt of the first request (3, with backoff) fails.
    system.sandbox.setFaults({ failNext: 3, failStatus: 503 });
    const failed = await start(invoice.id, 40_000, key);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(failed.body).toMatchObject({ status: 503 });
    const [row] = (
      await system.db.query<{ id: string; status: string }>(`SELECT id, status FROM payments WHERE invoice_id = $1`, [
        invoice.id,
      ])
    ).rows;
    expect(row?.status).toBe('initiating');
    expect(atSandbox(row!.id)).toHaveLength(0);

    // Recovered: the same request again reuses the row, and the provider makes the payment once.
    const retried = await start(invoice.id, 40_000, key);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ id: row!.id, status: 'pending' });
    const again = await start(invoice.id, 40_000, key);
    expect(again.body).toMatchObject({ id: row!.id, status: 'pending', checkoutUrl: retried.body.checkoutUrl });
    expect(atSandbox(row!.id)).toHaveLength(1);
    expect((await system.db.query(`SELECT 1 FROM payments WHERE invoice_id = $1`, [invoice.id])).rowCount).toBe(1);

    // The same key with another amount is another request: refused.
    expect((await start(invoice.id, 1, key)).body).toMatchObject({ status: 422, code: 'PAYMENT.REQUEST_KEY_REUSED' });
  }, 60_000);

  it('a provider that accepted the payment but whose answer was lost: the retry learns the same payment (idempotency key)', async () => {
    const invoice = await system.issuedInvoice(15_000);
    const key = uuidv7();
    const first = await start(invoice.id, 15_000, key);
    expect(first.status).toBe(201);
    // Forget what the provider answered, as if its answer never came.
    await system.db.query(
      `UPDATE payments SET status = 'initiating', provider_payment_id = NULL, checkout_url = NULL WHERE id = $1`,
      [first.body.id],
    );
    const retried = await start(invoice.id, 15_000, key);
    expect(retried.body).toMatchObject({ id: first.body.id, status: 'pending', checkoutUrl: first.body.checkoutUrl });
    expect(atSandbox(first.body.id)).toHaveLength(1);
  });

  it('keeps working when every token expires mid-run: one refresh, one retry, the call succeeds', async () => {
    const invoice = await system.issuedInvoice(20_000);
    expect((await start(invoice.id, 10_000)).status).toBe(201);
    system.sandbox.setFaults({ expireTokens: true });
    const afterExpiry = await start(invoice.id, 10_000);
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.body.status).toBe('pending');
  });

  it('answers a signed webhook once it is recorded, without waiting for the provider lookup that applies it', async () => {
    const invoice = await system.issuedInvoice(25_000);
    const started = await start(invoice.id, 25_000);
    const [providerPayment] = atSandbox(started.body.id);
    const eventRow = async () =>
      (
        await system.db.query<{ event_id: string; applied_at: Date | null }>(
          `SELECT event_id, applied_at FROM payment_provider_events WHERE provider_payment_id = $1`,
          [providerPayment!.id],
        )
      ).rows[0];
    // The service's first lookup of the payment is held by the provider until it gives up.
    system.sandbox.setFaults({ timeoutNext: 1 });
    try {
      await system.checkout(started.body.checkoutUrl!, 'succeeded');
      await eventually('the webhook answered 200', () =>
        system.sandbox
          .events()
          .some((e) => e.paymentId === providerPayment!.id && e.attempts.some((a) => a.status === 200)),
      );
      // Answered while the lookup is still held: recorded, not applied yet.
      expect((await eventRow())?.applied_at).toBeNull();
    } finally {
      system.sandbox.clearFaults();
    }
    // Applied after the answer: by the lookup's retry, or (had every attempt failed) by the reconciliation.
    const notApplied = (eventId: string) =>
      system.running
        .logs()
        .some((l) => l['message'] === 'provider event recorded, not applied yet' && l['eventId'] === eventId);
    await eventually('the background application done', async () => {
      const row = await eventRow();
      return (row?.applied_at ?? null) !== null || notApplied(row!.event_id);
    });
    if (((await eventRow())?.applied_at ?? null) === null) {
      await system.running.service.app
        .get(ReconcilePendingPaymentsUseCase)
        .runBatch(undefined, 100, new Date(Date.now() + 1000));
    }
    await system.invoiceBecomes(invoice.id, 'paid');
  }, 90_000);

  it('opens the breaker when the provider keeps failing: the next start answers 503 at once, without calling it', async () => {
    const invoice = await system.issuedInvoice(10_000);
    system.sandbox.setFaults({ failNext: 1000, failStatus: 503 });
    try {
      // Enough failing calls to pass the breaker's volume threshold and error percentage.
      for (let i = 0; i < 3; i++) expect((await start(invoice.id, 100)).status).toBe(503);
      // The sandbox uses up one failNext per /v1 call it gets: what is left tells whether it was called.
      const failNextLeft = async () =>
        ((await (await fetch(`${system.sandbox.url}/admin/faults`)).json()) as { failNext?: number }).failNext;
      const leftBefore = await failNextLeft();
      const open = await start(invoice.id, 100);
      expect(open.status).toBe(503);
      expect(open.body).toMatchObject({ code: 'UPSTREAM.CIRCUIT_OPEN' });
      expect(open.headers.get('retry-after')).not.toBeNull();
      expect(await failNextLeft()).toBe(leftBefore);
    } finally {
      system.sandbox.clearFaults();
    }
  }, 60_000);
});

describe('payments without a provider configured', () => {
  it('answers 503 PAYMENT.PROVIDER_NOT_CONFIGURED to a start, and still records manual payments', async () => {
    const running = await startBusinessService();
    try {
      const db = new pg.Client({ connectionString: running.database.url });
      await db.connect();
      try {
        const sql = (text: string, values: unknown[]) => db.query(text, values);
        const acme = await seedBusiness(sql);
        const customerId = await seedCustomer(sql, acme.businessId);
        const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
          const identity = signIdentity(
            { userId: acme.users.accountant, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) },
            { method, path },
            running.identityKey,
          );
          const response = await fetch(`${running.service.url}${path}`, {
            method,
            headers: { ...identity, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          return { status: response.status, body: (await response.json()) as Record<string, unknown> };
        };
        const invoices = `/v1/businesses/${acme.businessId}/invoices`;
        const draft = await call('POST', invoices, {
          customerId,
          dueDate: '2026-03-04',
          lines: [{ description: 'Work', quantity: 1, unitAmountMinor: 1000 }],
        });
        await call('POST', `${invoices}/${String(draft.body.id)}/issue`, undefined, { 'if-match': '"1"' });
        const started = await call('POST', `${invoices}/${String(draft.body.id)}/payments`, {
          amount: { amountMinor: 1000, currency: 'EUR' },
        });
        expect(started).toMatchObject({ status: 503, body: { code: 'PAYMENT.PROVIDER_NOT_CONFIGURED' } });
        const manual = await call('POST', `${invoices}/${String(draft.body.id)}/payments/manual`, {
          amount: { amountMinor: 1000, currency: 'EUR' },
          reference: 'transfer 42',
        });
        expect(manual).toMatchObject({ status: 201, body: { status: 'succeeded' } });
      } finally {
        await db.end();
      }
    } finally {
      await running.stop();
    }
  }, 120_000);
});
