import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, type Payment, type RunningPaymentSandbox } from '../src/index.js';
import { accessToken, checkout, createPayment, paymentBody } from './support/sandbox-client.js';

describe('faults and admin routes', () => {
  let sandbox: RunningPaymentSandbox;
  let token: string;
  const webhookUrl = 'http://127.0.0.1:9/hooks';
  const admin = (method: string, body?: unknown) =>
    fetch(`${sandbox.url}/admin/faults`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const read = (id: string, signal?: AbortSignal) =>
    fetch(`${sandbox.url}/v1/payments/${id}`, { headers: { authorization: `Bearer ${token}` }, signal });

  beforeAll(async () => {
    sandbox = await startPaymentSandbox({ retryScheduleMs: [60_000] });
    token = await accessToken(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.clearFaults());

  it('starts with the fault set of its options', async () => {
    const fresh = await startPaymentSandbox({ faults: { rateLimitNext: 2, webhooks: { drop: true } } });
    try {
      expect(await (await fetch(`${fresh.url}/admin/faults`)).json()).toEqual({
        rateLimitNext: 2,
        webhooks: { drop: true },
      });
    } finally {
      await fresh.close();
    }
  });

  it('replaces, shows and clears the fault set through /admin/faults, and refuses an invalid one', async () => {
    const put = await admin('PUT', { latencyMs: 0, failNext: 2, failStatus: 502, webhooks: { duplicate: true } });
    expect(put.status).toBe(200);
    expect(await (await admin('GET')).json()).toEqual({
      latencyMs: 0,
      failNext: 2,
      failStatus: 502,
      webhooks: { duplicate: true },
    });
    // PUT replaces the whole set.
    await admin('PUT', { rateLimitNext: 1 });
    expect(await (await admin('GET')).json()).toEqual({ rateLimitNext: 1 });
    expect((await admin('DELETE')).status).toBe(204);
    expect(await (await admin('GET')).json()).toEqual({});

    for (const invalid of [
      { failStatus: 504 },
      { failNext: -1 },
      { latencyMs: 'slow' },
      { webhooks: { drop: 'yes' } },
      { typo: 1 },
    ]) {
      const refused = await admin('PUT', invalid);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'invalid_request' });
    }
    expect(() => sandbox.setFaults({ failStatus: 504 as 503 })).toThrow(/failStatus/);
  });

  it('answers the next n /v1 calls with the fault status, without effect, then serves again', async () => {
    await admin('PUT', { failNext: 2, failStatus: 500 });
    const before = sandbox.payments().length;
    for (let call = 0; call < 2; call += 1) {
      const failed = await createPayment(sandbox, token, paymentBody(webhookUrl));
      expect(failed.status).toBe(500);
      expect(await failed.json()).toMatchObject({ status: 500 });
    }
    expect(sandbox.payments()).toHaveLength(before);
    expect(await (await admin('GET')).json()).toEqual({ failNext: 0, failStatus: 500 });
    expect((await createPayment(sandbox, token, paymentBody(webhookUrl))).status).toBe(201);
  });

  it('answers 503 by default for failNext', async () => {
    sandbox.setFaults({ failNext: 1 });
    expect((await read('pay_missing')).status).toBe(503);
    expect((await read('pay_missing')).status).toBe(404);
  });

  it('answers the next n /v1 calls with 429 and Retry-After', async () => {
    await admin('PUT', { rateLimitNext: 1, retryAfterSeconds: 7 });
    const limited = await read('pay_missing');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    sandbox.setFaults({ rateLimitNext: 1 });
    expect((await read('pay_missing')).headers.get('retry-after')).toBe('1');
    expect((await read('pay_missing')).status).toBe(404);
  });

  it('holds the next n /v1 calls without answering or acting, until the client hangs up', async () => {
    sandbox.setFaults({ timeoutNext: 1 });
    const before = sandbox.payments().length;
    const hangUp = new AbortController();
    let answered = false;
    const held = fetch(`${sandbox.url}/v1/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'held-call', 'content-type': 'application/json' },
      body: JSON.stringify(paymentBody(webhookUrl)),
      signal: hangUp.signal,
    }).then(
      () => (answered = true),
      (error: Error) => error.name,
    );
    // The count is used up, so the next call is answered while the held one still waits.
    await until(async () => ((await admin('GET').then((r) => r.json())) as { timeoutNext?: number }).timeoutNext === 0);
    expect((await read('pay_missing')).status).toBe(404);
    expect(answered).toBe(false);
    hangUp.abort();
    expect(await held).toBe('AbortError');
    expect(sandbox.payments()).toHaveLength(before);
    // The key was never used: the client's retry creates the payment.
    const retried = await createPayment(sandbox, token, paymentBody(webhookUrl), 'held-call');
    expect(retried.status).toBe(201);
  });

  it('adds latencyMs before every /v1 answer (admin answers are not delayed)', async () => {
    sandbox.setFaults({ latencyMs: 300 });
    const order: string[] = [];
    const slow = read('pay_missing').then((response) => order.push(`v1 ${response.status}`));
    await admin('GET').then(() => order.push('admin'));
    await slow;
    expect(order).toEqual(['admin', 'v1 404']);
  });

  it('lists every payment and every event with its delivery attempts', async () => {
    const created = (await (await createPayment(sandbox, token, paymentBody(webhookUrl))).json()) as Payment;
    await checkout(sandbox, created.id, 'succeeded');
    const payments = (await (await fetch(`${sandbox.url}/admin/payments`)).json()) as Payment[];
    expect(payments.find((payment) => payment.id === created.id)).toMatchObject({ status: 'succeeded' });
    await until(() => sandbox.events().some((event) => event.paymentId === created.id && event.attempts.length > 0));
    const events = (await (await fetch(`${sandbox.url}/admin/events`)).json()) as Record<string, unknown>[];
    const event = events.find((candidate) => candidate['paymentId'] === created.id);
    expect(event).toMatchObject({ type: 'payment.succeeded', delivered: false });
    expect(event!['id']).toMatch(/^evt_/);
    expect(event!['attempts']).toEqual([{ at: expect.any(String), error: expect.stringMatching(/ECONNREFUSED/) }]);
  });

  it('answers 404 and 405 as Problem Details', async () => {
    const missing = await fetch(`${sandbox.url}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const wrongMethod = await fetch(`${sandbox.url}/admin/faults`, { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PUT, DELETE');
  });
});

/** Polls `condition` until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}
