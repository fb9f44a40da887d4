import { createHmac, randomBytes } from 'node:crypto';
import type { components } from '@platform/gateway-client';
import { freePort } from '@platform/infra';
import { eventually, startTestMailpit, type TestMailpit } from '@platform/infra/testing';
import { startPaymentSandbox, type RunningPaymentSandbox } from '@platform/payment-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';
import {
  addCustomer,
  createBusiness,
  draftInvoice,
  issueInvoice,
  signUp as signUpThroughGateway,
  type GatewayUser as User,
} from './support/gateway-actors.js';
import { startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver.js';

type NotificationPageResponse = components['schemas']['NotificationPageResponse'];

const OTLP_CONSUMER = 5;

// End to end through the gateway: real auth-, business- and notification-service processes, real
// Kafka, PostgreSQL and Redis, e-mails out over SMTP to a real Mailpit, payments through the
// payment sandbox, and the notification-service's spans exported to a loopback OTLP receiver.
describe('gateway → notification-service', () => {
  let mailpit: TestMailpit;
  let sandbox: RunningPaymentSandbox;
  let otlp: OtlpReceiver;
  let system: E2eSystem;
  let gatewayUrl: string;
  const unsubscribeKey = randomBytes(32).toString('base64url');
  const conformance = contractConformance();

  beforeAll(async () => {
    [mailpit, sandbox, otlp] = await Promise.all([
      startTestMailpit(),
      startPaymentSandbox({ retryScheduleMs: [100, 200, 400, 800] }),
      startOtlpReceiver(),
    ]);
    const gatewayPort = await freePort();
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    system = await startE2eSystem({
      databasePrefix: 'gateway_notifications_e2e',
      business: {
        PAYMENT_PROVIDER_URL: sandbox.url,
        PAYMENT_PROVIDER_CLIENT_ID: sandbox.clientId,
        PAYMENT_PROVIDER_CLIENT_SECRET: sandbox.clientSecret,
        PAYMENT_WEBHOOK_SECRET: sandbox.webhookSecret,
        PAYMENT_WEBHOOK_URL: `${gatewayUrl}/v1/payments/webhooks/sandbox`,
      },
      notification: {
        SMTP_HOST: mailpit.smtpHost,
        SMTP_PORT: String(mailpit.smtpPort),
        UNSUBSCRIBE_SIGNING_KEY: unsubscribeKey,
        PUBLIC_BASE_URL: gatewayUrl,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlp.endpoint,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      gateway: {
        PORT: String(gatewayPort),
        UPSTREAM_TIMEOUT_MS: '5000',
        RATE_LIMIT_PER_MINUTE: '100000',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      },
    });
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    await Promise.all([mailpit?.stop(), sandbox?.close(), otlp?.close()]);
  });

  /** Registers (with `headers`, e.g. a traceparent) and logs in through the gateway. */
  const signUp = (name: string, headers: Record<string, string> = {}): Promise<User> =>
    signUpThroughGateway(gatewayUrl, name, { headers, middleware: [conformance] });

  /** The unsubscribe link of a reminder e-mail to `recipient`, signed as the notification-service signs it. */
  function unsubscribeUrl(recipient: string, key = unsubscribeKey): string {
    const body = Buffer.from(JSON.stringify({ r: recipient, c: 'reminder' })).toString('base64url');
    const signature = createHmac('sha256', key).update(`u1.${body}`).digest('base64url');
    return `${gatewayUrl}/v1/notifications/unsubscribe?token=${encodeURIComponent(`u1.${body}.${signature}`)}`;
  }

  it('sends exactly one welcome e-mail, listed as sent, its consumer span in the trace of the register request', async () => {
    const traceId = randomBytes(16).toString('hex');
    const user = await signUp('welcomed', { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });

    await eventually('the welcome e-mail to arrive', async () => (await mailpit.messagesTo(user.email)).length > 0);
    let listed: NotificationPageResponse | undefined;
    await eventually('the welcome to be listed as sent', async () => {
      listed = (await user.api.GET('/v1/me/notifications')).data;
      return listed?.items[0]?.status === 'sent';
    });
    expect(listed!.items).toEqual([
      expect.objectContaining({
        channel: 'email',
        template: 'welcome',
        status: 'sent',
        attempts: 1,
        lastError: null,
        recipient: `${user.email[0]}***@example.com`,
        sentAt: expect.any(String),
      }),
    ]);
    expect(listed!.nextCursor).toBeNull();
    const messages = await mailpit.messagesTo(user.email);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.Subject).toBe('Welcome, welcomed');

    const filtered = await user.api.GET('/v1/me/notifications', { params: { query: { status: 'failed' } } });
    expect(filtered.data!.items).toEqual([]);

    await eventually('the consumer span of the registration to be exported', async () =>
      otlp
        .spans()
        .some(
          (span) =>
            span.traceId === traceId &&
            span.service === 'notification-service' &&
            span.kind === OTLP_CONSUMER &&
            span.attributes['event.type'] === 'auth.user.registered',
        ),
    );
  }, 120_000);

  it('e-mails the invoice to the customer when issued and the receipt when paid; the owner sees both, another user 404', async () => {
    const owner = await signUp('owner');
    const outsider = await signUp('outsider');
    const businessId = await createBusiness(owner, 'NOTE');
    const customerEmail = `billing-${randomBytes(4).toString('hex')}@globex.example`;
    const customerId = await addCustomer(owner, businessId, { name: 'Globex Corporation', email: customerEmail });
    const { invoiceId, number } = await issueInvoice(owner, await draftInvoice(owner, businessId, customerId));
    const path = { businessId, invoiceId };

    await eventually('the invoice e-mail to reach the customer', async () =>
      (await mailpit.messagesTo(customerEmail)).some((m) => m.Subject === `Invoice ${number} from NOTE GmbH`),
    );

    const started = await owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
      params: { path, header: { 'Idempotency-Key': randomBytes(8).toString('hex') } },
      body: { amount: { amountMinor: 50_000, currency: 'EUR' } },
    });
    expect(started.response.status).toBe(201);
    const checkout = await fetch(started.data!.checkoutUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'succeeded' }),
    });
    expect(checkout.status).toBe(200);
    await eventually('the receipt to reach the customer', async () =>
      (await mailpit.messagesTo(customerEmail)).some((m) => m.Subject === `Receipt for invoice ${number}`),
    );
    expect((await mailpit.messagesTo(customerEmail)).map((m) => m.Subject).sort()).toEqual([
      `Invoice ${number} from NOTE GmbH`,
      `Receipt for invoice ${number}`,
    ]);

    let templates: string[] = [];
    await eventually('the business list to show the three e-mails sent', async () => {
      const { data } = await owner.api.GET('/v1/businesses/{businessId}/notifications', {
        params: { path: { businessId } },
      });
      templates = (data?.items ?? []).filter((n) => n.status === 'sent').map((n) => n.template);
      return templates.length === 3;
    });
    expect(templates.sort()).toEqual(['invoice-issued', 'invoice-paid-owner', 'invoice-receipt']);
    const page = await owner.api.GET('/v1/businesses/{businessId}/notifications', {
      params: { path: { businessId }, query: { limit: 2 } },
    });
    expect(page.data!.items).toHaveLength(2);
    const rest = await owner.api.GET('/v1/businesses/{businessId}/notifications', {
      params: { path: { businessId }, query: { limit: 2, cursor: page.data!.nextCursor! } },
    });
    expect(rest.data!.items).toHaveLength(1);
    expect(rest.data!.nextCursor).toBeNull();
    expect(new Set([...page.data!.items, ...rest.data!.items].map((n) => n.id)).size).toBe(3);
    expect(page.data!.items.every((n) => !n.recipient.includes(customerEmail))).toBe(true);

    const theirs = await outsider.api.GET('/v1/businesses/{businessId}/notifications', {
      params: { path: { businessId } },
    });
    expect(theirs.response.status).toBe(404);
    expect(theirs.error).toMatchObject({ code: 'BUSINESS.NOT_FOUND' });
    // The owner's own list has the owner's note and welcome, not the customer's e-mails.
    await eventually('the owner note in the owner list', async () => {
      const mine = await owner.api.GET('/v1/me/notifications');
      return (
        mine
          .data!.items.map((n) => n.template)
          .sort()
          .join() === ['invoice-paid-owner', 'welcome'].sort().join()
      );
    });
  }, 180_000);

  it('keeps preferences by address: PUT round trip, one-click unsubscribe shows in them, forged links change nothing', async () => {
    const user = await signUp('prefs');
    await eventually('the user to reach the notification service', async () => {
      const { response } = await user.api.GET('/v1/me/notification-preferences');
      return response.status === 200;
    });
    expect((await user.api.GET('/v1/me/notification-preferences')).data).toEqual({ reminders: true });
    const off = await user.api.PUT('/v1/me/notification-preferences', { body: { reminders: false } });
    expect(off.data).toEqual({ reminders: false });
    expect((await user.api.GET('/v1/me/notification-preferences')).data).toEqual({ reminders: false });
    expect((await user.api.PUT('/v1/me/notification-preferences', { body: { reminders: true } })).data).toEqual({
      reminders: true,
    });

    // A forged token (another key) and a malformed one: 422 Problem Details (decision 0012), nothing changes.
    for (const url of [
      unsubscribeUrl(user.email, randomBytes(32).toString('base64url')),
      `${gatewayUrl}/v1/notifications/unsubscribe?token=nope`,
    ]) {
      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(forged.status).toBe(422);
      expect(forged.headers.get('content-type')).toContain('application/problem+json');
      expect(await forged.json()).toMatchObject({ code: 'NOTIFICATION.INVALID_UNSUBSCRIBE_TOKEN' });
    }
    expect((await user.api.GET('/v1/me/notification-preferences')).data).toEqual({ reminders: true });

    // What a mail client does (RFC 8058): a POST without credentials, form-encoded; twice is once.
    // The second form carries keys the route does not know, one of them `__proto__` (the contract
    // fuzzer's find): they are ignored, not refused.
    const link = unsubscribeUrl(user.email);
    const preview = await fetch(link);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ recipient: 'p***@example.com', category: 'reminder', unsubscribed: false });
    for (const form of ['List-Unsubscribe=One-Click', '__proto__=1&List-Unsubscribe=One-Click&%22=true']) {
      const clicked = await fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      expect(clicked.status).toBe(200);
      expect(await clicked.json()).toEqual({ recipient: 'p***@example.com', category: 'reminder', unsubscribed: true });
    }
    expect((await user.api.GET('/v1/me/notification-preferences')).data).toEqual({ reminders: false });
  }, 120_000);
});
