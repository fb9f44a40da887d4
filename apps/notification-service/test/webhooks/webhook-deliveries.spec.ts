import {
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
} from '@platform/contracts';
import { eventually, startTestMailpit, testInfra, uniqueName, type TestMailpit } from '@platform/infra/testing';
import { createKafkaClient } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  businessCreated,
  invoiceIssued,
  invoicePaid,
  reminderDue,
  uniqueAddress,
  userRegistered,
} from '../support/event-factory.js';
import {
  produceEvents,
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../support/notification-service-under-test.js';
import { apiOf, memberAdded, newId, type Answer } from './support/webhook-api.js';
import { WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver.js';

const SCHEDULE = [0, 100, 200, 400];

// Events in over real Kafka, webhooks out to real receivers on 127.0.0.1 (allowed by
// WEBHOOK_ALLOW_LOOPBACK in this instance only), verified with the `standardwebhooks` package.
describe('outbound webhooks (Kafka → deliveries → signed POSTs)', () => {
  let mailpit: TestMailpit;
  let running: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;
  let receiver: WebhookReceiver;
  let api: ReturnType<typeof apiOf>;
  const owner = { id: newId(), email: uniqueAddress('owner') };
  const admin = newId();
  const viewer = newId();
  const stranger = newId();
  const businessId = newId();
  const otherBusinessId = newId();

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    receiver = await WebhookReceiver.start();
    running = await startNotificationService({
      SMTP_HOST: mailpit.smtpHost,
      SMTP_PORT: String(mailpit.smtpPort),
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_RETRY_SCHEDULE_MS: SCHEDULE.join(','),
      WEBHOOK_DISABLE_AFTER_MS: '300',
      WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_CLAIM_LEASE_MS: '5000',
    });
    api = apiOf(running);
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('webhook-test') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, userRegistered(owner.email, 'Olive Owner', owner.id));
    await produceEvents(kafka, BUSINESS_BUSINESS_TOPIC_V1, businessCreated(owner.id, 'Acme', businessId));
    await produceEvents(kafka, BUSINESS_BUSINESS_TOPIC_V1, businessCreated(stranger, 'Other', otherBusinessId));
    await produceEvents(
      kafka,
      BUSINESS_MEMBER_TOPIC_V1,
      memberAdded(businessId, admin, 'admin'),
      memberAdded(businessId, viewer, 'viewer'),
    );
    await eventually(
      'the members read model',
      async () => {
        const { rows } = await db.query(`SELECT 1 FROM known_business_members WHERE business_id IN ($1, $2)`, [
          businessId,
          otherBusinessId,
        ]);
        return rows.length === 4;
        // Other test files' events on the shared topics may be ahead of ours on a busy machine.
      },
      120_000,
    );
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await receiver?.stop();
    await mailpit?.stop();
  });

  const base = `/v1/businesses/${businessId}/webhook-endpoints`;

  async function register(path: string, events: string[], as = owner.id) {
    const answer = await api(as, 'POST', base, { url: receiver.url(path), events, description: path });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body as { id: string; secret: string; enabled: boolean };
  }

  const endpoint = async (id: string) => (await api(owner.id, 'GET', `${base}/${id}`)).body;
  const deliveries = async (id: string) =>
    (await api(owner.id, 'GET', `${base}/${id}/deliveries`)).body as {
      items: {
        id: string;
        eventId: string;
        status: string;
        attempts: number;
        attemptLog: {
          attempt: number;
          outcome: string;
          responseStatus: number | null;
          responseBody: string | null;
          attemptedAt: string;
          nextAttemptAt: string | null;
        }[];
      }[];
    };

  const verify = (secret: string, webhook: ReceivedWebhook) =>
    new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>) as {
      type: string;
      timestamp: string;
      data: Record<string, unknown>;
    };

  it('registers an endpoint, shows its whsec_ secret once, lists and reads it without the secret', async () => {
    const created = await register('/registered', ['invoice.paid']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(created.enabled).toBe(true);
    const listed = (await api(owner.id, 'GET', `${base}?limit=100`)).body as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).toContain(created.id);
    const read = await endpoint(created.id);
    expect(read).toMatchObject({ id: created.id, events: ['invoice.paid'], enabled: true });
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect(read).not.toHaveProperty('secret');
    // Nothing stores or logs the secret in plain text.
    const { rows } = await db.query(`SELECT secret_sealed FROM webhook_endpoints WHERE id = $1`, [created.id]);
    expect(rows[0].secret_sealed).not.toContain(created.secret.slice('whsec_'.length));
    expect(JSON.stringify(running.logs())).not.toContain(created.secret);
  });

  it('delivers an invoice event, signed, to the subscribed endpoint and not to the unsubscribed one', async () => {
    const subscribed = await register('/subscribed', ['invoice.issued']);
    await register('/unsubscribed', ['invoice.voided']);
    const event = invoiceIssued({ businessId, customerEmail: uniqueAddress('customer') });
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, event);
    await eventually('the webhook received', () => receiver.at('/subscribed').length === 1);
    const [webhook] = receiver.at('/subscribed');
    expect(webhook!.headers['webhook-id']).toBe(event.eventId);
    const message = verify(subscribed.secret, webhook!);
    expect(message.type).toBe('invoice.issued');
    expect(message.timestamp).toBe(event.occurredAt);
    expect(message.data).toMatchObject({ invoiceId: event.payload.invoiceId, businessId });
    await eventually(
      'the delivery recorded as sent',
      async () => (await deliveries(subscribed.id)).items[0]?.status === 'sent',
    );
    const { rows } = await db.query(`SELECT recipient FROM notifications WHERE event_id = $1 AND channel = 'webhook'`, [
      event.eventId,
    ]);
    expect(rows).toEqual([{ recipient: subscribed.id }]);
    expect(receiver.at('/unsubscribed')).toHaveLength(0);
  });

  it('delivers a duplicated event once', async () => {
    const duplicates = await register('/duplicates', ['invoice.paid', 'invoice.issued']);
    const invoiceId = newId();
    const paid = invoicePaid(invoiceId, businessId);
    // Same key: the marker comes after both copies on one partition.
    const marker = invoiceIssued({ businessId, customerEmail: uniqueAddress('marker'), invoiceId });
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, paid, { ...paid }, marker);
    await eventually(
      'the marker delivered',
      () => receiver.at('/duplicates').some((w) => w.headers['webhook-id'] === marker.eventId),
      90_000,
    );
    await eventually('the duplicated event sent once', async () => {
      const { rows } = await db.query(
        `SELECT status FROM notifications WHERE event_id = $1 AND channel = 'webhook' AND recipient = $2`,
        [paid.eventId, duplicates.id],
      );
      return rows.length === 1 && rows[0].status === 'sent';
    });
    expect(receiver.at('/duplicates').filter((w) => w.headers['webhook-id'] === paid.eventId)).toHaveLength(1);
  });

  it('retries a failing endpoint on the schedule, keeps 4 KB of its answer, then disables it and e-mails the owner', async () => {
    receiver.answer('/failing', () => ({ status: 500, body: 'x'.repeat(10_000) }));
    const failing = await register('/failing', ['invoice.issued']);
    await produceEvents(
      kafka,
      BUSINESS_INVOICE_TOPIC_V1,
      invoiceIssued({ businessId, customerEmail: uniqueAddress('c') }),
    );
    await eventually('the endpoint disabled', async () => (await endpoint(failing.id)).enabled === false);
    expect(await endpoint(failing.id)).toMatchObject({ enabled: false, disabledReason: 'failing' });
    await eventually('the delivery failed', async () => (await deliveries(failing.id)).items[0]?.status === 'failed');
    const [delivery] = (await deliveries(failing.id)).items;
    const received = receiver.at('/failing');
    expect(delivery!.attempts).toBeGreaterThanOrEqual(2);
    expect(received).toHaveLength(delivery!.attempts);
    for (const attempt of delivery!.attemptLog) {
      expect(attempt).toMatchObject({ outcome: 'http_error', responseStatus: 500 });
      expect(attempt.responseBody).toHaveLength(4096);
    }
    // Each retry came no earlier than the schedule asked (a lower bound the dispatcher guarantees).
    for (let i = 1; i < received.length; i += 1) {
      expect(received[i]!.receivedAt - received[i - 1]!.receivedAt).toBeGreaterThanOrEqual(SCHEDULE[i]!);
    }
    await eventually('the owner e-mailed', async () =>
      (await mailpit.messagesTo(owner.email)).some((m) => m.Subject === 'A webhook endpoint was disabled'),
    );
  });

  it('disables an endpoint that answers 410 Gone at once', async () => {
    receiver.answer('/gone', () => ({ status: 410 }));
    const gone = await register('/gone', ['invoice.issued']);
    await produceEvents(
      kafka,
      BUSINESS_INVOICE_TOPIC_V1,
      invoiceIssued({ businessId, customerEmail: uniqueAddress('c') }),
    );
    await eventually('the endpoint disabled', async () => (await endpoint(gone.id)).enabled === false);
    expect(await endpoint(gone.id)).toMatchObject({ disabledReason: 'gone' });
    await eventually('the delivery failed', async () => (await deliveries(gone.id)).items[0]?.status === 'failed');
    expect((await deliveries(gone.id)).items[0]).toMatchObject({ attempts: 1 });
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it('waits as long as Retry-After asks before the next attempt', async () => {
    receiver.answer('/busy', (n) => (n === 1 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 204 }));
    const busy = await register('/busy', ['invoice.issued']);
    await produceEvents(
      kafka,
      BUSINESS_INVOICE_TOPIC_V1,
      invoiceIssued({ businessId, customerEmail: uniqueAddress('c') }),
    );
    await eventually(
      'delivered on the second attempt',
      async () => (await deliveries(busy.id)).items[0]?.status === 'sent',
    );
    const [delivery] = (await deliveries(busy.id)).items;
    const [second, first] = delivery!.attemptLog;
    expect(first).toMatchObject({ attempt: 1, outcome: 'http_error', responseStatus: 503 });
    expect(second).toMatchObject({ attempt: 2, outcome: 'delivered' });
    // The plan honoured Retry-After (1 s, longer than the schedule's 100 ms) and the retry kept to the plan.
    expect(Date.parse(first!.nextAttemptAt!) - Date.parse(first!.attemptedAt)).toBeGreaterThanOrEqual(1000);
    expect(receiver.at('/busy')[1]!.receivedAt).toBeGreaterThanOrEqual(Date.parse(first!.nextAttemptAt!));
    expect((await endpoint(busy.id)).enabled).toBe(true);
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const rotating = await register('/rotating', ['invoice.issued']);
    const rotated = await api(owner.id, 'POST', `${base}/${rotating.id}/secret/rotate`);
    expect(rotated.status).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.body as { secret: string; previousSecretExpiresAt: string };
    expect(secret).not.toBe(rotating.secret);
    expect(Date.parse(previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await produceEvents(
      kafka,
      BUSINESS_INVOICE_TOPIC_V1,
      invoiceIssued({ businessId, customerEmail: uniqueAddress('c') }),
    );
    await eventually('the webhook received', () => receiver.at('/rotating').length === 1);
    const [webhook] = receiver.at('/rotating');
    expect(String(webhook!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotating.secret, webhook!).type).toBe('invoice.issued');
    expect(verify(secret, webhook!).type).toBe('invoice.issued');
  });

  it('does not follow a redirect', async () => {
    receiver.answer('/redirecting', () => ({ status: 302, headers: { location: receiver.url('/redirect-target') } }));
    const redirecting = await register('/redirecting', ['invoice.issued']);
    await produceEvents(
      kafka,
      BUSINESS_INVOICE_TOPIC_V1,
      invoiceIssued({ businessId, customerEmail: uniqueAddress('c') }),
    );
    await eventually(
      'the delivery failed',
      async () => (await deliveries(redirecting.id)).items[0]?.status === 'failed',
    );
    const [delivery] = (await deliveries(redirecting.id)).items;
    expect(delivery!.attemptLog.every((a) => a.outcome === 'redirect' && a.responseStatus === 302)).toBe(true);
    expect(receiver.at('/redirect-target')).toHaveLength(0);
  });

  it('lists deliveries with their attempts and redelivers one with the same webhook-id', async () => {
    const again = await register('/again', ['invoice.issued']);
    const event = invoiceIssued({ businessId, customerEmail: uniqueAddress('c') });
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, event);
    await eventually('sent', async () => (await deliveries(again.id)).items[0]?.status === 'sent');
    const [delivery] = (await deliveries(again.id)).items;
    expect(delivery).toMatchObject({ eventId: event.eventId, attempts: 1 });
    expect(delivery!.attemptLog[0]).toMatchObject({ attempt: 1, outcome: 'delivered', responseStatus: 204 });
    const redelivered = await api(owner.id, 'POST', `${base}/${again.id}/deliveries/${delivery!.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    await eventually('sent again', () => receiver.at('/again').length === 2);
    expect(receiver.at('/again').map((w) => w.headers['webhook-id'])).toEqual([event.eventId, event.eventId]);
    await eventually('two attempts listed', async () => (await deliveries(again.id)).items[0]?.attemptLog.length === 2);
    expect((await api(owner.id, 'POST', `${base}/${again.id}/deliveries/${newId()}/redeliver`)).status).toBe(404);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://10.0.0.8/hook', 'private'],
    ['http://100.64.0.1/hook', 'cgnat'],
  ])('refuses %s even with the loopback allowance (422)', async (url, addressClass) => {
    const answer: Answer = await api(owner.id, 'POST', base, { url, events: ['invoice.paid'] });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('WEBHOOK.URL_NOT_PUBLIC');
    expect(String(answer.body.detail)).toContain(addressClass);
  });

  it('refuses unknown event types and other businesses (404), and members who are not owners or admins (403)', async () => {
    expect((await api(owner.id, 'POST', base, { url: receiver.url('/x'), events: ['invoice.deleted'] })).status).toBe(
      400,
    );
    const created = await register('/tenant', ['invoice.paid'], admin);
    const foreign = await api(stranger, 'GET', `${base}/${created.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('BUSINESS.NOT_FOUND');
    expect((await api(stranger, 'GET', base)).status).toBe(404);
    // The endpoint under the stranger's own business is unknown there too.
    expect(
      (await api(stranger, 'GET', `/v1/businesses/${otherBusinessId}/webhook-endpoints/${created.id}`)).status,
    ).toBe(404);
    const forbidden = await api(viewer, 'PATCH', `${base}/${created.id}`, { enabled: false });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('BUSINESS.FORBIDDEN');
    expect((await api(viewer, 'GET', base)).status).toBe(403);
    const patched = await api(admin, 'PATCH', `${base}/${created.id}`, { enabled: false, events: ['invoice.voided'] });
    expect(patched.body).toMatchObject({ enabled: false, disabledReason: 'manual', events: ['invoice.voided'] });
    expect((await api(owner.id, 'DELETE', `${base}/${created.id}`)).status).toBe(204);
    expect((await api(owner.id, 'GET', `${base}/${created.id}`)).status).toBe(404);
  });

  /** An invoice.issued event whose webhook message (`{ type, timestamp, data }`) is exactly `bytes` long. */
  function invoiceWithMessageOf(bytes: number, invoiceId: string) {
    const event = invoiceIssued({ businessId, customerEmail: uniqueAddress('large'), invoiceId });
    const [line] = event.payload.lines;
    const lines = Array.from({ length: 45 }, () => ({ ...line!, description: 'x' }));
    event.payload.lines = lines;
    const size = () =>
      Buffer.byteLength(JSON.stringify({ type: 'invoice.issued', timestamp: event.occurredAt, data: event.payload }));
    // Spread what is missing over the descriptions (at most 500 characters each, as the contract allows).
    const missing = bytes - size();
    lines.forEach((each, index) => {
      const extra = Math.floor(missing / lines.length) + (index < missing % lines.length ? 1 : 0);
      each.description = 'x'.repeat(1 + extra);
    });
    expect(size()).toBe(bytes);
    return event;
  }

  it('sends a webhook message of exactly 20 KB, and none over it: no delivery, an error logged', async () => {
    const large = await register('/large', ['invoice.issued']);
    const invoiceId = newId();
    const over = invoiceWithMessageOf(20 * 1024 + 1, invoiceId);
    // Same key: the message at the limit is consumed after the one over it.
    const atLimit = invoiceWithMessageOf(20 * 1024, invoiceId);
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, over, atLimit);
    await eventually(
      'the message at the limit delivered',
      async () => (await deliveries(large.id)).items[0]?.status === 'sent',
    );
    const received = receiver.at('/large');
    expect(received.map((w) => w.headers['webhook-id'])).toEqual([atLimit.eventId]);
    expect(Buffer.byteLength(received[0]!.body)).toBe(20 * 1024);
    expect(verify(large.secret, received[0]!).type).toBe('invoice.issued');
    expect((await deliveries(large.id)).items.map((item) => item.eventId)).toEqual([atLimit.eventId]);
    const { rows } = await db.query(`SELECT 1 FROM notifications WHERE event_id = $1 AND channel = 'webhook'`, [
      over.eventId,
    ]);
    expect(rows).toEqual([]);
    expect(running.logs()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'webhook payload over 20 KB: not sent',
        eventId: over.eventId,
        size: 20 * 1024 + 1,
      }),
    );
  });

  it('sends invoice.overdue for a reminder past the due date, beside the reminder e-mail, and none for one before it', async () => {
    const overdue = await register('/overdue', ['invoice.overdue']);
    const invoiceId = newId();
    const customer = uniqueAddress('reminded');
    const early = reminderDue(businessId, customer, invoiceId);
    const late = reminderDue(businessId, customer, invoiceId);
    late.payload.offsetDays = 7;
    // Same key: the reminder before the due date is consumed first.
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, early, late);
    await eventually('the overdue webhook received', () => receiver.at('/overdue').length > 0);
    const [webhook] = receiver.at('/overdue');
    expect(webhook!.headers['webhook-id']).toBe(late.eventId);
    const message = verify(overdue.secret, webhook!);
    expect(message.type).toBe('invoice.overdue');
    expect(message.data).toMatchObject({ invoiceId, businessId, offsetDays: 7, dueDate: late.payload.dueDate });
    await eventually('both reminder e-mails sent', async () => (await mailpit.messagesTo(customer)).length === 2);
    expect((await mailpit.messagesTo(customer)).map((m) => m.Subject).sort()).toEqual([
      'Overdue: invoice ACME-2026-0008 from Acme Consulting GmbH',
      'Reminder: invoice ACME-2026-0008 from Acme Consulting GmbH',
    ]);
    const { rows } = await db.query(`SELECT event_id FROM notifications WHERE recipient = $1 AND channel = 'webhook'`, [
      overdue.id,
    ]);
    expect(rows).toEqual([{ event_id: late.eventId }]);
    expect(receiver.at('/overdue')).toHaveLength(1);
  });

  it('counts attempts by outcome, and endpoints by state as a gauge read from the database, on /metrics', async () => {
    const scrape = async () => (await fetch(`${running.service.managementUrl}/metrics`)).text();
    const gauge = (text: string, state: string, reason: string) =>
      Number(
        new RegExp(`^notification_webhook_endpoints\\{state="${state}",reason="${reason}"\\} (\\d+)$`, 'm').exec(
          text,
        )?.[1],
      );
    const inDatabase = async () => {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE enabled)::int AS enabled,
                count(*) FILTER (WHERE disabled_reason = 'gone')::int AS gone,
                count(*) FILTER (WHERE disabled_reason = 'failing')::int AS failing,
                count(*) FILTER (WHERE disabled_reason = 'manual')::int AS manual
           FROM webhook_endpoints`,
      );
      return rows[0] as { enabled: number; gone: number; failing: number; manual: number };
    };
    // Earlier tests of this file disabled endpoints for 410 and for failing; their manual one was deleted.
    expect(await inDatabase()).toMatchObject({ gone: 1, manual: 0 });
    const manual = await register('/manual', ['invoice.paid']);
    expect((await api(owner.id, 'PATCH', `${base}/${manual.id}`, { enabled: false })).status).toBe(200);
    const expected = await inDatabase();
    expect(expected).toMatchObject({ manual: 1 });
    await eventually('the gauge equal to the database', async () => {
      const text = await scrape();
      return (
        gauge(text, 'enabled', 'none') === expected.enabled &&
        gauge(text, 'disabled', 'gone') === expected.gone &&
        gauge(text, 'disabled', 'failing') === expected.failing &&
        gauge(text, 'disabled', 'manual') === expected.manual
      );
    });
    const text = await scrape();
    expect(text).toContain('# TYPE notification_webhook_endpoints gauge');
    expect(text).not.toContain('webhook_endpoints_disabled_total');
    expect(text).toMatch(/webhook_attempts_total\{outcome="delivered"\} \d+/);
    expect(text).toMatch(/webhook_attempts_total\{outcome="redirect"\} \d+/);
    expect(text).toMatch(/notifications_total\{channel="webhook",template="invoice.issued",status="sent"\} \d+/);
  });
});
