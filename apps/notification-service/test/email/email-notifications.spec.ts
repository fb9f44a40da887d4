import { AUTH_USER_TOPIC_V1, BUSINESS_BUSINESS_TOPIC_V1, BUSINESS_INVOICE_TOPIC_V1 } from '@platform/contracts';
import { eventually, startTestMailpit, testInfra, uniqueName, type TestMailpit } from '@platform/infra/testing';
import { createKafkaClient, deadLetterTopicOf } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyUnsubscribeToken } from '../../src/application/unsubscribe-token.js';
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

// Events in over real Kafka, e-mails out over SMTP to a real Mailpit, read back through its API.
describe('e-mail notifications (Kafka → notifications → SMTP)', () => {
  let mailpit: TestMailpit;
  let running: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    running = await startNotificationService({ SMTP_HOST: mailpit.smtpHost, SMTP_PORT: String(mailpit.smtpPort) });
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('notification-test') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await mailpit?.stop();
  });

  const notificationsOf = async (eventId: string) =>
    (
      await db.query(
        `SELECT id, recipient, template, status, attempts, last_error FROM notifications WHERE event_id = $1 ORDER BY template`,
        [eventId],
      )
    ).rows as {
      id: string;
      recipient: string;
      template: string;
      status: string;
      attempts: number;
      last_error: string | null;
    }[];

  const allSent = (eventId: string, count: number) => async () => {
    const rows = await notificationsOf(eventId);
    return rows.length === count && rows.every((row) => row.status === 'sent');
  };

  it('welcomes a registered user with exactly one e-mail, whose Message-ID is the notification id', async () => {
    const email = uniqueAddress('ada');
    const event = userRegistered(email, 'Ada Lovelace');
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, event);
    await eventually('the welcome sent', allSent(event.eventId, 1));
    const [notification] = await notificationsOf(event.eventId);
    expect(notification).toMatchObject({ recipient: email, template: 'welcome', status: 'sent', attempts: 1 });
    const messages = await mailpit.messagesTo(email);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.Subject).toBe('Welcome, Ada Lovelace');
    expect(messages[0]!.MessageID).toBe(`${notification!.id}@notifications.platform.localhost`);
    // Transactional: always sent, no unsubscribe link.
    expect(await mailpit.headers(messages[0]!.ID)).not.toHaveProperty('List-Unsubscribe');
  });

  it('sends nothing twice for a redelivered event', async () => {
    const email = uniqueAddress('twice');
    const event = userRegistered(email);
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, event, { ...event });
    await eventually('the welcome sent', allSent(event.eventId, 1));
    // The second copy went through the inbox too (or was dropped by it): either way one notification, one mail.
    const later = userRegistered(uniqueAddress('later'));
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, later);
    await eventually('a later event handled', allSent(later.eventId, 1));
    expect(await notificationsOf(event.eventId)).toHaveLength(1);
    expect(await mailpit.messagesTo(email)).toHaveLength(1);
  });

  it('records an event older than the age budget in the read models but sends nothing for it', async () => {
    const old = userRegistered(uniqueAddress('old'));
    old.occurredAt = new Date(Date.now() - 2 * 24 * 3_600_000).toISOString();
    const fresh = userRegistered(uniqueAddress('fresh'));
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, old, fresh);
    await eventually('the fresh one sent', allSent(fresh.eventId, 1));
    await eventually('the old one handled', async () => {
      const { rows } = await db.query('SELECT 1 FROM known_users WHERE user_id = $1', [old.payload.userId]);
      return rows.length === 1;
    });
    expect(await notificationsOf(old.eventId)).toEqual([]);
    expect(await mailpit.messagesTo(old.payload.email)).toEqual([]);
  });

  it('e-mails an issued invoice to its customer, with HTML-injection names escaped in the HTML part', async () => {
    const customer = uniqueAddress('customer');
    const event = invoiceIssued({
      businessId: businessCreated(userRegistered().payload.userId).payload.businessId,
      businessName: '"><img src=x onerror=alert(1)>',
      customerName: '<script>alert(1)</script>',
      customerEmail: customer,
    });
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, event);
    await eventually('the invoice sent', allSent(event.eventId, 1));
    const [summary] = await mailpit.messagesTo(customer);
    const message = await mailpit.message(summary!.ID);
    expect(message.HTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.HTML).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(message.HTML).not.toContain('<script>');
    expect(message.HTML).not.toContain('<img');
    expect(message.HTML).toContain('ACME-2026-0007');
    expect(message.HTML).toContain('EUR');
    // The plain-text part is not HTML: the name is shown as written.
    expect(message.Text).toContain('Dear <script>alert(1)</script>,');
  });

  it("sends a paid invoice's receipt to the customer and a note to the owner, both known from earlier events only", async () => {
    const ownerEmail = uniqueAddress('owner');
    const owner = userRegistered(ownerEmail, 'Grace Owner');
    const business = businessCreated(owner.payload.userId);
    const customer = uniqueAddress('payer');
    const issued = invoiceIssued({ businessId: business.payload.businessId, customerEmail: customer });
    const paid = invoicePaid(issued.payload.invoiceId, business.payload.businessId);
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, owner);
    await produceEvents(kafka, BUSINESS_BUSINESS_TOPIC_V1, business);
    await eventually('the owner known', async () => (await notificationsOf(owner.eventId)).length === 1);
    await eventually('the business known', async () => {
      const { rows } = await db.query('SELECT 1 FROM known_businesses WHERE business_id = $1', [
        business.payload.businessId,
      ]);
      return rows.length === 1;
    });
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, issued, paid);
    await eventually('receipt and note sent', allSent(paid.eventId, 2));
    expect((await notificationsOf(paid.eventId)).map((n) => [n.template, n.recipient])).toEqual([
      ['invoice-paid-owner', ownerEmail],
      ['invoice-receipt', customer],
    ]);
    const toCustomer = await mailpit.messagesTo(customer);
    expect(toCustomer.map((m) => m.Subject).sort()).toEqual([
      'Invoice ACME-2026-0007 from Acme Consulting GmbH',
      'Receipt for invoice ACME-2026-0007',
    ]);
    const toOwner = (await mailpit.messagesTo(ownerEmail)).map((m) => m.Subject).sort();
    expect(toOwner).toEqual(['Invoice ACME-2026-0007 was paid', 'Welcome, Grace Owner']);
  });

  it('gives a reminder a one-click unsubscribe link (RFC 8058) and suppresses it for a recipient who unsubscribed', async () => {
    const customer = uniqueAddress('reminded');
    const businessId = businessCreated(userRegistered().payload.userId).payload.businessId;
    const first = reminderDue(businessId, customer);
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, first);
    await eventually('the reminder sent', allSent(first.eventId, 1));
    const [summary] = await mailpit.messagesTo(customer);
    const headers = await mailpit.headers(summary!.ID);
    expect(headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
    const link = new URL(/^<(.+)>$/.exec(headers['List-Unsubscribe']![0]!)![1]!);
    expect(`${link.origin}${link.pathname}`).toBe('https://api.example.test/v1/notifications/unsubscribe');
    expect(verifyUnsubscribeToken(running.unsubscribeKey, link.searchParams.get('token')!)).toEqual({
      recipient: customer,
      category: 'reminder',
    });

    // What the unsubscribe endpoint records (the public route is built on this table).
    await db.query(
      `INSERT INTO notification_preferences (recipient, category, unsubscribed_at) VALUES ($1, 'reminder', now())`,
      [customer],
    );
    const second = reminderDue(businessId, customer);
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, second);
    await eventually('the second reminder handled', async () => (await notificationsOf(second.eventId)).length === 1);
    expect((await notificationsOf(second.eventId))[0]!.status).toBe('suppressed');
    // Transactional mail still goes out to the same address.
    const invoice = invoiceIssued({ businessId, customerEmail: customer });
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, invoice);
    await eventually('the invoice sent', allSent(invoice.eventId, 1));
    expect(await mailpit.messagesTo(customer)).toHaveLength(2);
  });

  it('sends an event that breaks its contract to the dead-letter topic, and goes on with the next', async () => {
    const broken = userRegistered();
    (broken.payload as { email: string }).email = 'not an address';
    const next = userRegistered(uniqueAddress('after-poison'));
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, broken, next);
    await eventually('the next user welcomed', allSent(next.eventId, 1));
    expect(await notificationsOf(broken.eventId)).toEqual([]);
    const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: deadLetterTopicOf(AUTH_USER_TOPIC_V1), fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the broken event never reached the DLQ')), 60_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (message.value?.toString().includes(broken.eventId)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
  });
});
