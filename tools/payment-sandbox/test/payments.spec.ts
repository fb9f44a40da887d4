import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentSandbox, type Payment, type RunningPaymentSandbox } from '../src/index.js';
import { accessToken, checkout, createPayment, paymentBody } from './support/sandbox-client.js';

describe('payments and checkout', () => {
  let sandbox: RunningPaymentSandbox;
  let token: string;
  // Nothing listens there: these tests are about payments; failed deliveries are the deliverer's business.
  const webhookUrl = 'http://127.0.0.1:9/hooks';

  beforeAll(async () => {
    sandbox = await startPaymentSandbox({ retryScheduleMs: [60_000] });
    token = await accessToken(sandbox);
  });
  afterAll(() => sandbox.close());

  it('creates a pending payment with a checkout URL, and reads its current state', async () => {
    const response = await createPayment(sandbox, token, paymentBody(webhookUrl));
    expect(response.status).toBe(201);
    const payment = (await response.json()) as Payment;
    expect(payment).toMatchObject({
      status: 'pending',
      amount: { amountMinor: 12_500, currency: 'EUR' },
      reference: 'invoice-0001',
      description: 'Invoice 0001',
      failureReason: null,
      checkoutUrl: `${sandbox.url}/checkout/${payment.id}`,
    });
    expect(payment.id).toMatch(/^pay_[0-9a-f]+$/);
    expect(payment.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(payment.updatedAt).toBe(payment.createdAt);

    const read = await fetch(`${sandbox.url}/v1/payments/${payment.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(payment);
  });

  it('answers the same payment with 200 and Idempotent-Replayed when the same key comes with the same body', async () => {
    const key = 'order-42-attempt';
    const first = await createPayment(sandbox, token, paymentBody(webhookUrl, { reference: 'order-42' }), key);
    expect(first.status).toBe(201);
    const created = (await first.json()) as Payment;
    // The same body with its keys in another order is the same request.
    const { amount, reference, description } = paymentBody(webhookUrl, { reference: 'order-42' });
    const again = await createPayment(sandbox, token, { description, webhookUrl, reference, amount }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(created);
    expect(sandbox.payments().filter((payment) => payment.reference === 'order-42')).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 idempotency_key_reused', async () => {
    const key = 'order-43-attempt';
    expect((await createPayment(sandbox, token, paymentBody(webhookUrl), key)).status).toBe(201);
    const other = await createPayment(
      sandbox,
      token,
      paymentBody(webhookUrl, { amount: { amountMinor: 12_501, currency: 'EUR' } }),
      key,
    );
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await other.json()).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('requires an Idempotency-Key of 1-255 visible characters', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${sandbox.url}/v1/payments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(paymentBody(webhookUrl)),
      });
    const refused: Record<string, string>[] = [
      {},
      { 'idempotency-key': 'x'.repeat(256) },
      { 'idempotency-key': 'has space' },
    ];
    for (const headers of refused) {
      const response = await send(headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'idempotency_key_required' });
    }
    expect((await send({ 'idempotency-key': 'k'.repeat(255) })).status).toBe(201);
  });

  it('refuses an invalid body with 400 invalid_request naming the field', async () => {
    const invalid: [Record<string, unknown>, RegExp][] = [
      [{ amount: { amountMinor: 0, currency: 'EUR' } }, /amountMinor/],
      [{ amount: { amountMinor: 10.5, currency: 'EUR' } }, /amountMinor/],
      [{ amount: { amountMinor: 100, currency: 'eur' } }, /currency/],
      [{ reference: '' }, /reference/],
      [{ reference: 'r'.repeat(201) }, /reference/],
      [{ webhookUrl: 'ftp://example.com/hook' }, /webhookUrl/],
      [{ description: 'd'.repeat(501) }, /description/],
    ];
    for (const [overrides, field] of invalid) {
      const response = await createPayment(sandbox, token, paymentBody(webhookUrl, overrides));
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { code: string; detail: string };
      expect(problem.code).toBe('invalid_request');
      expect(problem.detail).toMatch(field);
    }
    const notJson = await fetch(`${sandbox.url}/v1/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'not-json', 'content-type': 'application/json' },
      body: '{"amount":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('answers 404 payment_not_found for an unknown payment', async () => {
    const response = await fetch(`${sandbox.url}/v1/payments/pay_missing`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'payment_not_found', status: 404 });
  });

  it('moves pending → failed → failed → succeeded at checkout, one event each, and then refuses any change with 409', async () => {
    const created = (await (await createPayment(sandbox, token, paymentBody(webhookUrl))).json()) as Payment;

    const page = await fetch(created.checkoutUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('invoice-0001');

    const failed = await checkout(sandbox, created.id, 'failed');
    expect(failed.status).toBe(200);
    expect(await failed.json()).toMatchObject({ id: created.id, status: 'failed', failureReason: expect.any(String) });
    const failedAgain = await checkout(sandbox, created.id, 'failed');
    expect(await failedAgain.json()).toMatchObject({ status: 'failed' });
    const succeeded = await checkout(sandbox, created.id, 'succeeded');
    expect(succeeded.status).toBe(200);
    expect(await succeeded.json()).toMatchObject({ status: 'succeeded', failureReason: null });

    for (const outcome of ['succeeded', 'failed']) {
      const final = await checkout(sandbox, created.id, outcome);
      expect(final.status).toBe(409);
      expect(await final.json()).toMatchObject({ code: 'payment_final' });
    }
    const events = sandbox.events().filter((event) => event.paymentId === created.id);
    expect(events.map((event) => event.type)).toEqual(['payment.failed', 'payment.failed', 'payment.succeeded']);
    const read = (await (
      await fetch(`${sandbox.url}/v1/payments/${created.id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as Payment;
    expect(read.status).toBe('succeeded');
  });

  it('refuses an unknown outcome and an unknown payment at checkout', async () => {
    const created = (await (await createPayment(sandbox, token, paymentBody(webhookUrl))).json()) as Payment;
    const bad = await checkout(sandbox, created.id, 'maybe');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_request' });
    expect(sandbox.payments().find((payment) => payment.id === created.id)?.status).toBe('pending');
    const missing = await checkout(sandbox, 'pay_missing', 'succeeded');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'payment_not_found' });
  });
});
