import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, type RunningPaymentSandbox } from '../src/index.js';
import { checkout, newPayment } from './support/sandbox-client.js';
import { hasValidSignature, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

describe('webhook delivery', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningPaymentSandbox;
  const log: string[] = [];
  // Every reading of the clock is one second later, so each attempt's timestamp is a fresh one.
  let clock = Date.parse('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(async () => {
    receiver.received.length = 0;
    log.length = 0;
    sandbox = await startPaymentSandbox({
      retryScheduleMs: [20, 40],
      maxDeliveryAttempts: 4,
      now: () => new Date((clock += 1000)),
      log: (line) => log.push(line),
    });
  });
  afterEach(() => sandbox.close());

  it('posts each transition as a signed Standard Webhooks event carrying the payment as it was then', async () => {
    const payment = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, payment.id, 'failed');
    await receiver.waitFor(1);
    await checkout(sandbox, payment.id, 'succeeded');
    const [failed, succeeded] = await receiver.waitFor(2);

    for (const webhook of [failed!, succeeded!]) {
      expect(hasValidSignature(sandbox.webhookSecret, webhook)).toBe(true);
      expect(webhook.headers['content-type']).toBe('application/json');
      expect(webhook.headers['webhook-id']).toBe(webhook.json.id);
      expect(webhook.headers['webhook-timestamp']).toMatch(/^\d+$/);
      expect(webhook.json.id).toMatch(/^evt_[0-9a-f]+$/);
    }
    expect(failed!.json).toMatchObject({
      type: 'payment.failed',
      data: { payment: { id: payment.id, status: 'failed', reference: 'invoice-0001' } },
    });
    expect(succeeded!.json).toMatchObject({
      type: 'payment.succeeded',
      data: { payment: { id: payment.id, status: 'succeeded', failureReason: null } },
    });
    // A signature made with another secret does not verify: the check above can fail.
    expect(hasValidSignature('whsec_' + Buffer.alloc(24, 1).toString('base64'), failed!)).toBe(false);
    // The receiver has the request before the sandbox has its answer.
    await until(() => sandbox.events().every((event) => event.delivered));
    expect(sandbox.events().map((event) => event.attempts.length)).toEqual([1, 1]);
  });

  it('retries until the receiver answers 2xx, re-signing each attempt with a fresh timestamp and the same id', async () => {
    receiver.answerNext(500, 500);
    const payment = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, payment.id, 'succeeded');
    const attempts = await receiver.waitFor(3);

    expect(new Set(attempts.map((webhook) => webhook.headers['webhook-id'])).size).toBe(1);
    const timestamps = attempts.map((webhook) => Number(webhook.headers['webhook-timestamp']));
    expect(timestamps[1]).toBeGreaterThan(timestamps[0]!);
    expect(timestamps[2]).toBeGreaterThan(timestamps[1]!);
    expect(attempts.every((webhook) => hasValidSignature(sandbox.webhookSecret, webhook))).toBe(true);
    expect(new Set(attempts.map((webhook) => webhook.body)).size).toBe(1);

    await until(() => sandbox.events()[0]!.delivered);
    const [event] = sandbox.events();
    expect(event).toMatchObject({ type: 'payment.succeeded', paymentId: payment.id, delivered: true });
    expect(event!.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 204]);
  });

  it('gives up after maxDeliveryAttempts and records why each attempt failed', async () => {
    receiver.fallbackStatus = 503;
    try {
      const payment = await newPayment(sandbox, receiver.url);
      await checkout(sandbox, payment.id, 'failed');
      await until(() => log.some((line) => line.includes('given up after 4 attempts')));
      expect(receiver.received).toHaveLength(4);
      expect(sandbox.events()[0]).toMatchObject({ delivered: false });
      expect(sandbox.events()[0]!.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 503, 503]);
    } finally {
      receiver.fallbackStatus = 204;
    }
  });

  it('records a connection failure as an attempt with an error', async () => {
    const payment = await newPayment(sandbox, 'http://127.0.0.1:9/nobody-listens');
    await checkout(sandbox, payment.id, 'succeeded');
    await until(() => sandbox.events()[0]!.attempts.length >= 2);
    const [first] = sandbox.events()[0]!.attempts;
    expect(first!.status).toBeUndefined();
    expect(first!.error).toMatch(/ECONNREFUSED/);
  });

  it('delivers each event twice with the same webhook-id under the duplicate fault', async () => {
    sandbox.setFaults({ webhooks: { duplicate: true } });
    const payment = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, payment.id, 'succeeded');
    const [first, second] = await receiver.waitFor(2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    expect(hasValidSignature(sandbox.webhookSecret, second!)).toBe(true);
    await until(() => sandbox.events()[0]!.attempts.length === 2);
    expect(sandbox.events()).toHaveLength(1);
  });

  it('delivers the events of one payment newest first under the reorder fault', async () => {
    sandbox.setFaults({ webhooks: { reorder: true, reorderHoldMs: 60_000 } });
    const payment = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, payment.id, 'failed');
    await checkout(sandbox, payment.id, 'succeeded');
    const [first, second] = await receiver.waitFor(2);
    expect(first!.json.type).toBe('payment.succeeded');
    expect(second!.json.type).toBe('payment.failed');
    // The events themselves keep the order they happened in.
    expect(sandbox.events().map((event) => event.type)).toEqual(['payment.failed', 'payment.succeeded']);
  });

  it('sends a held event alone once the reorder hold ends without a newer one', async () => {
    sandbox.setFaults({ webhooks: { reorder: true, reorderHoldMs: 20 } });
    const payment = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, payment.id, 'succeeded');
    const [only] = await receiver.waitFor(1);
    expect(only!.json.type).toBe('payment.succeeded');
  });

  it('records but never delivers events under the drop fault', async () => {
    sandbox.setFaults({ webhooks: { drop: true } });
    const dropped = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, dropped.id, 'succeeded');
    sandbox.clearFaults();
    const delivered = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, delivered.id, 'succeeded');
    // The dropped event would have gone first: once the later one has arrived, the earlier never will.
    const [only] = await receiver.waitFor(1);
    expect(only!.json.data.payment.id).toBe(delivered.id);
    const droppedEvent = sandbox.events().find((event) => event.paymentId === dropped.id);
    expect(droppedEvent).toMatchObject({ delivered: false, attempts: [] });
    expect(receiver.received).toHaveLength(1);
  });
});

/** Polls `condition` until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
