import type { InvoiceResponse, PaymentListResponse, PaymentResponse } from '@platform/contracts';
import { signStandardWebhook } from '@platform/identity';
import { eventually, findMessage } from '@platform/infra/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconcilePendingPaymentsUseCase } from '../../src/application/reconcile-pending-payments.use-case.js';
import { startPaymentTestSystem, type PaymentTestSystem } from './payment-test-system.js';

// Payments through the real payment sandbox over loopback; the sandbox calls the service's webhook route straight.
describe('payments of invoices through the provider', () => {
  let system: PaymentTestSystem;

  beforeAll(async () => {
    system = await startPaymentTestSystem();
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
  });

  const start = (
    invoiceId: string,
    amountMinor: number,
    options: { key?: string; currency?: string; as?: string } = {},
  ) =>
    system.call<PaymentResponse>('POST', system.paymentsPath(invoiceId), options.as ?? system.acme.users.accountant, {
      body: { amount: { amountMinor, currency: options.currency ?? 'EUR' } },
      headers: options.key ? { 'idempotency-key': options.key } : {},
    });
  const payments = async (invoiceId: string) =>
    (await system.call<PaymentListResponse>('GET', system.paymentsPath(invoiceId), system.acme.users.viewer)).body
      .items;
  /** The sandbox provider's series of the payment metrics, from the service's /metrics. */
  const paymentMetrics = async () => {
    const text = await (await fetch(`${system.running.service.managementUrl}/metrics`)).text();
    const value = (name: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name}{provider="sandbox"}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    return {
      started: value('payments_started_total'),
      succeeded: value('payments_succeeded_total'),
      confirmed: value('payment_confirmation_delay_seconds_count'),
    };
  };
  const eventRows = async () =>
    (
      await system.db.query<{ event_id: string; applied_at: Date | null }>(
        `SELECT event_id, applied_at FROM payment_provider_events`,
      )
    ).rows;

  it('pays an invoice in full through the sandbox checkout: the invoice becomes paid and business.invoice.paid reaches Kafka', async () => {
    const invoice = await system.issuedInvoice(120_000);
    const metricsBefore = await paymentMetrics();
    const started = await start(invoice.id, 120_000, { key: uuidv7() });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: 'pending',
      method: 'provider',
      amount: { amountMinor: 120_000, currency: 'EUR' },
      invoiceId: invoice.id,
    });
    expect(started.body.checkoutUrl).toMatch(new RegExp(`^${system.sandbox.url}/checkout/`));
    // The provider knows the payment by our id (its reference and idempotency key).
    expect(system.sandbox.payments().filter((p) => p.reference === started.body.id)).toHaveLength(1);

    await system.checkout(started.body.checkoutUrl!, 'succeeded');
    const paid = await system.invoiceBecomes(invoice.id, 'paid');
    expect(paid).toMatchObject({ paid: { amountMinor: 120_000 }, amountDue: { amountMinor: 0 } });
    expect(await payments(invoice.id)).toMatchObject([{ id: started.body.id, status: 'succeeded' }]);
    // Started, succeeded and its confirmation delay observed: one each, labelled by the provider.
    const metricsAfter = await paymentMetrics();
    expect(metricsAfter.started - metricsBefore.started).toBe(1);
    expect(metricsAfter.succeeded - metricsBefore.succeeded).toBe(1);
    expect(metricsAfter.confirmed - metricsBefore.confirmed).toBe(1);

    const message = await findMessage(
      'business.invoice.v1',
      (m) => {
        const envelope = JSON.parse(m.value?.toString() ?? '{}') as { type?: string; aggregateId?: string };
        return envelope.type === 'business.invoice.paid' && envelope.aggregateId === invoice.id;
      },
      60_000,
    );
    expect(JSON.parse(message.value!.toString())).toMatchObject({
      payload: {
        invoiceId: invoice.id,
        businessId: system.acme.businessId,
        paymentId: started.body.id,
        amount: { amountMinor: 120_000, currency: 'EUR' },
      },
    });
  }, 90_000);

  it('takes two partial payments: the first leaves the invoice issued with the rest due, the second pays it', async () => {
    const invoice = await system.issuedInvoice(100_000);
    const first = await start(invoice.id, 60_000);
    expect(first.status).toBe(201);
    // 60 000 pending: only 40 000 is open.
    const tooMuch = await start(invoice.id, 40_001);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'PAYMENT.AMOUNT_EXCEEDS_BALANCE' });

    await system.checkout(first.body.checkoutUrl!, 'succeeded');
    await eventually('first payment succeeded', async () => (await payments(invoice.id))[0]?.status === 'succeeded');
    const halfway = await system.invoiceBecomes(invoice.id, 'issued');
    expect(halfway).toMatchObject({ paid: { amountMinor: 60_000 }, amountDue: { amountMinor: 40_000 } });

    const second = await start(invoice.id, 40_000);
    expect(second.status).toBe(201);
    await system.checkout(second.body.checkoutUrl!, 'succeeded');
    const paid = await system.invoiceBecomes(invoice.id, 'paid');
    expect(paid.paid.amountMinor).toBe(100_000);
    const paidEvents = await system.db.query(
      `SELECT 1 FROM messaging_outbox WHERE payload::jsonb->>'type' = 'business.invoice.paid' AND key = $1`,
      [invoice.id],
    );
    expect(paidEvents.rowCount).toBe(1);
  }, 90_000);

  it('applies duplicated and reordered webhooks once and in the right order: a failed after succeeded undoes nothing', async () => {
    system.sandbox.setFaults({ webhooks: { duplicate: true, reorder: true, reorderHoldMs: 500 } });
    try {
      const invoice = await system.issuedInvoice(50_000);
      const started = await start(invoice.id, 50_000);
      const before = (await eventRows()).length;
      // failed, then succeeded (the payer tried again): delivered succeeded first, failed second, each twice.
      await system.checkout(started.body.checkoutUrl!, 'failed');
      await system.checkout(started.body.checkoutUrl!, 'succeeded');
      await eventually('both events delivered twice', () => {
        const events = system.sandbox
          .events()
          .filter((event) => event.paymentId === system.sandbox.payments().at(-1)!.id);
        return (
          events.length === 2 && events.every((event) => event.attempts.filter((a) => a.status === 200).length >= 2)
        );
      });
      await system.invoiceBecomes(invoice.id, 'paid');
      expect(await payments(invoice.id)).toMatchObject([{ status: 'succeeded', failureReason: null }]);
      // Webhooks are answered once recorded and applied right after: wait for the last to be applied.
      await eventually('both events applied', async () => (await eventRows()).every((row) => row.applied_at !== null));
      const rows = await eventRows();
      expect(rows.length - before).toBe(2);
      // The invoice counted the payment once, and no payment.failed went out for a payment that succeeded.
      const paid = await system.call<InvoiceResponse>(
        'GET',
        `/v1/businesses/${system.acme.businessId}/invoices/${invoice.id}`,
        system.acme.users.viewer,
      );
      expect(paid.body.paid.amountMinor).toBe(50_000);
      const failed = await system.db.query(
        `SELECT 1 FROM messaging_outbox WHERE payload::jsonb->>'type' = 'business.payment.failed' AND key = $1`,
        [started.body.id],
      );
      expect(failed.rowCount).toBe(0);
    } finally {
      system.sandbox.clearFaults();
    }
  }, 90_000);

  it('publishes business.payment.failed when the payer fails, and the invoice stays issued with its balance free again', async () => {
    const invoice = await system.issuedInvoice(30_000);
    const started = await start(invoice.id, 30_000);
    await system.checkout(started.body.checkoutUrl!, 'failed');
    await eventually('payment failed', async () => (await payments(invoice.id))[0]?.status === 'failed');
    const failed = await system.db.query<{ payload: string }>(
      `SELECT payload FROM messaging_outbox WHERE payload::jsonb->>'type' = 'business.payment.failed' AND key = $1`,
      [started.body.id],
    );
    expect(failed.rowCount).toBe(1);
    expect(JSON.parse(failed.rows[0]!.payload)).toMatchObject({
      payload: { paymentId: started.body.id, invoiceId: invoice.id, amount: { amountMinor: 30_000 } },
    });
    // The failed payment no longer holds the balance: a new one for the whole amount is taken.
    expect((await start(invoice.id, 30_000)).status).toBe(201);
  }, 60_000);

  it('refuses forged, unsigned and stale webhooks (401, nothing recorded) and answers a replay 200 without a change', async () => {
    const before = await eventRows();
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded', data: { payment: { id: 'pay_x' } } });
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(system.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: payload,
      });
    const forgedSecret = `whsec_${Buffer.from('not the provider secret at all!!').toString('base64')}`;

    const forged = await post(
      signStandardWebhook(forgedSecret, { id: 'evt_forged', body }) as unknown as Record<string, string>,
    );
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await forged.json()).toMatchObject({ status: 401, code: 'PAYMENT.WEBHOOK_SIGNATURE_INVALID' });

    expect((await post({})).status).toBe(401);
    const stale = signStandardWebhook(system.sandbox.webhookSecret, {
      id: 'evt_forged',
      body,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect((await post({ ...stale })).status).toBe(401);
    // Signed right, but the body changed after signing.
    const signed = signStandardWebhook(system.sandbox.webhookSecret, { id: 'evt_forged', body });
    expect((await post({ ...signed }, body.replace('succeeded', 'failed'))).status).toBe(401);
    expect(await eventRows()).toEqual(before);

    // A replay of an event already applied: 200, nothing changes.
    const applied = before.find((row) => row.applied_at !== null)!;
    const replay = signStandardWebhook(system.sandbox.webhookSecret, { id: applied.event_id, body });
    const replayed = await post({ ...replay });
    expect(replayed.status).toBe(200);
    expect(await eventRows()).toEqual(before);
  });

  it('refuses an amount above the balance or in another currency (422), a draft (409), and a viewer (403)', async () => {
    const invoice = await system.issuedInvoice(10_000);
    expect((await start(invoice.id, 10_001)).body).toMatchObject({
      status: 422,
      code: 'PAYMENT.AMOUNT_EXCEEDS_BALANCE',
    });
    expect((await start(invoice.id, 5_000, { currency: 'USD' })).body).toMatchObject({
      status: 422,
      code: 'PAYMENT.CURRENCY_MISMATCH',
    });
    expect((await start(invoice.id, 5_000, { as: system.acme.users.viewer })).status).toBe(403);
    const manualByViewer = await system.call(
      'POST',
      `${system.paymentsPath(invoice.id)}/manual`,
      system.acme.users.viewer,
      {
        body: { amount: { amountMinor: 1, currency: 'EUR' }, reference: 'transfer' },
      },
    );
    expect(manualByViewer.status).toBe(403);
    const draft = await system.call<InvoiceResponse>(
      'POST',
      `/v1/businesses/${system.acme.businessId}/invoices`,
      system.acme.users.accountant,
      {
        body: {
          customerId: system.customerId,
          dueDate: '2026-03-04',
          lines: [{ description: 'x', quantity: 1, unitAmountMinor: 100 }],
        },
      },
    );
    expect((await start(draft.body.id, 100)).body).toMatchObject({ status: 409, code: 'PAYMENT.INVOICE_NOT_PAYABLE' });
    expect(await payments(invoice.id)).toEqual([]);
  });

  it('refuses to void an invoice while a payment is in progress (409), and voids it once that payment failed', async () => {
    const invoice = await system.issuedInvoice(30_000);
    const pending = await start(invoice.id, 30_000);
    expect(pending.status).toBe(201);
    const voidAt = async (version: number) =>
      system.call<InvoiceResponse>(
        'POST',
        `/v1/businesses/${system.acme.businessId}/invoices/${invoice.id}/void`,
        system.acme.users.admin,
        {
          headers: { 'if-match': `"${version}"` },
        },
      );

    const refused = await voidAt(invoice.version);
    expect(refused.body).toMatchObject({
      status: 409,
      code: 'INVOICE.PAYMENT_IN_PROGRESS',
    });
    expect((await system.invoiceBecomes(invoice.id, 'issued')).version).toBe(invoice.version);

    await system.checkout(pending.body.checkoutUrl!, 'failed');
    await eventually('payment failed', async () => (await payments(invoice.id))[0]?.status === 'failed');
    const voided = await voidAt(invoice.version);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', paid: { amountMinor: 0 } });
  }, 90_000);

  it('records a manual payment (bank transfer) that succeeds at once and pays the invoice', async () => {
    const invoice = await system.issuedInvoice(25_000);
    const manual = await system.call<PaymentResponse>(
      'POST',
      `${system.paymentsPath(invoice.id)}/manual`,
      system.acme.users.accountant,
      {
        body: { amount: { amountMinor: 25_000, currency: 'EUR' }, reference: 'SEPA 2026-02-10' },
      },
    );
    expect(manual.status).toBe(201);
    expect(manual.body).toMatchObject({
      status: 'succeeded',
      method: 'manual',
      reference: 'SEPA 2026-02-10',
      checkoutUrl: null,
    });
    await system.invoiceBecomes(invoice.id, 'paid');
  });

  it('records a manual payment once per Idempotency-Key: the retry gets the first answer, and no second payment', async () => {
    const invoice = await system.issuedInvoice(30_000);
    const record = () =>
      system.call<PaymentResponse>('POST', `${system.paymentsPath(invoice.id)}/manual`, system.acme.users.accountant, {
        body: { amount: { amountMinor: 10_000, currency: 'EUR' }, reference: 'SEPA part 1' },
        headers: { 'idempotency-key': `manual-${invoice.id}` },
      });

    const first = await record();
    const retry = await record();

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await payments(invoice.id)).map((payment) => payment.id)).toEqual([first.body.id]);
  });

  it('finds a payment whose webhook was lost through the reconciliation, and a rerun changes nothing', async () => {
    system.sandbox.setFaults({ webhooks: { drop: true } });
    try {
      const invoice = await system.issuedInvoice(70_000);
      const started = await start(invoice.id, 70_000);
      await system.checkout(started.body.checkoutUrl!, 'succeeded');
      expect((await payments(invoice.id))[0]?.status).toBe('pending');

      const reconcile = system.running.service.app.get(ReconcilePendingPaymentsUseCase);
      let cursor: string | undefined;
      let total = 0;
      do {
        const batch = await reconcile.runBatch(cursor, 2, new Date(Date.now() + 1000));
        expect(batch.failed).toBe(0);
        total += batch.succeeded;
        cursor = batch.next;
      } while (cursor);
      expect(total).toBeGreaterThanOrEqual(1);
      const paid = await system.invoiceBecomes(invoice.id, 'paid');
      expect(paid.paid.amountMinor).toBe(70_000);
      expect((await payments(invoice.id))[0]?.status).toBe('succeeded');

      const rerun = await reconcile.runBatch(undefined, 100, new Date(Date.now() + 1000));
      const outbox = await system.db.query(
        `SELECT 1 FROM messaging_outbox WHERE payload::jsonb->>'type' = 'business.invoice.paid' AND key = $1`,
        [invoice.id],
      );
      expect(outbox.rowCount).toBe(1);
      expect(rerun.failed).toBe(0);
    } finally {
      system.sandbox.clearFaults();
    }
  }, 60_000);
});
