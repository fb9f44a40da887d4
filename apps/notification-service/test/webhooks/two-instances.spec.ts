import { randomBytes } from 'node:crypto';
import { AUTH_USER_TOPIC_V1, BUSINESS_BUSINESS_TOPIC_V1, BUSINESS_INVOICE_TOPIC_V1 } from '@platform/contracts';
import { eventually, startTestMailpit, testInfra, uniqueName, type TestMailpit } from '@platform/infra/testing';
import { createKafkaClient } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessCreated, invoiceIssued, uniqueAddress, userRegistered } from '../support/event-factory.js';
import {
  produceEvents,
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../support/notification-service-under-test.js';
import { apiOf, newId } from './support/webhook-api.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const EVENTS = 10;
// How long the receiver holds its first answers at most, should the second instance never send.
const HOLD_LIMIT_MS = 5_000;

// Two instances of the service on one database and one consumer group, as a deployment with two
// replicas: both dispatchers claim the same due deliveries, and each is POSTed once.
describe('webhook deliveries with two instances on one database', () => {
  let mailpit: TestMailpit;
  let receiver: WebhookReceiver;
  let first: NotificationServiceUnderTest;
  let second: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;
  const owner = { id: newId(), email: uniqueAddress('owner') };
  const businessId = newId();

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    receiver = await WebhookReceiver.start();
    const env = {
      SMTP_HOST: mailpit.smtpHost,
      SMTP_PORT: String(mailpit.smtpPort),
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
      // One delivery per claim: an instance has at most one POST open, so two open at once are two instances'.
      WEBHOOK_DISPATCH_BATCH: '1',
      WEBHOOK_DISPATCH_INTERVAL_MS: '20',
      WEBHOOK_TIMEOUT_MS: String(2 * HOLD_LIMIT_MS),
      WEBHOOK_CLAIM_LEASE_MS: String(6 * HOLD_LIMIT_MS),
      // Both must open the endpoints' sealed secrets.
      WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'),
    };
    first = await startNotificationService(env);
    // The second replica: the first one's database and consumer group (the helper's own stay unused).
    second = await startNotificationService({
      ...env,
      DATABASE_URL: first.database.url,
      KAFKA_CONSUMER_GROUP: first.groupId,
      IDENTITY_SIGNING_KEY: first.identityKey,
      UNSUBSCRIBE_SIGNING_KEY: first.unsubscribeKey,
    });
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('webhook-replicas') });
    db = new pg.Client({ connectionString: first.database.url });
    await db.connect();
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, userRegistered(owner.email, 'Olive Owner', owner.id));
    await produceEvents(kafka, BUSINESS_BUSINESS_TOPIC_V1, businessCreated(owner.id, 'Acme', businessId));
    await eventually(
      'the owner in the members read model',
      async () =>
        (await db.query(`SELECT 1 FROM known_business_members WHERE business_id = $1`, [businessId])).rows.length === 1,
      120_000,
    );
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    await second?.stop();
    await first?.stop();
    await receiver?.stop();
    await mailpit?.stop();
  });

  it('POSTs each due delivery once, both instances sending', async () => {
    const answer = await apiOf(first)(owner.id, 'POST', `/v1/businesses/${businessId}/webhook-endpoints`, {
      url: receiver.url('/shared'),
      events: ['invoice.issued'],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const { id: endpointId, secret } = answer.body as { id: string; secret: string };
    // The first answers wait until two POSTs are open at once, one from each instance (both services
    // run in this process and log to one stream: the receiver tells them apart, not the logs).
    let release!: () => void;
    const bothSending = new Promise<void>((resolve) => (release = resolve));
    const holdLimit = setTimeout(release, HOLD_LIMIT_MS);
    receiver.answer('/shared', async () => {
      if (receiver.openAt('/shared') >= 2) release();
      await bothSending;
      return { status: 204 };
    });

    const events = Array.from({ length: EVENTS }, () =>
      invoiceIssued({ businessId, customerEmail: uniqueAddress('customer') }),
    );
    await produceEvents(kafka, BUSINESS_INVOICE_TOPIC_V1, ...events);
    await eventually('every delivery sent', async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS sent FROM notifications WHERE recipient = $1 AND channel = 'webhook' AND status = 'sent'`,
        [endpointId],
      );
      return rows[0].sent === EVENTS;
    });
    clearTimeout(holdLimit);

    // Both instances sent: with one delivery per claim, two POSTs open at once come from two dispatchers.
    expect(receiver.mostOpenAt('/shared')).toBeGreaterThanOrEqual(2);
    // The receiver counts by webhook-id: every event once, and every POST signed.
    const received = receiver.at('/shared');
    const perWebhookId = new Map<string, number>();
    for (const webhook of received) {
      new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>);
      const id = String(webhook.headers['webhook-id']);
      perWebhookId.set(id, (perWebhookId.get(id) ?? 0) + 1);
    }
    expect([...perWebhookId.keys()].sort()).toEqual(events.map((event) => event.eventId).sort());
    expect([...perWebhookId.values()].every((count) => count === 1)).toBe(true);
    const { rows } = await db.query(
      `SELECT n.attempts, count(a.id)::int AS recorded FROM notifications n
         JOIN webhook_attempts a ON a.notification_id = n.id
        WHERE n.recipient = $1 GROUP BY n.id, n.attempts`,
      [endpointId],
    );
    expect(rows).toHaveLength(EVENTS);
    expect(rows.every((row) => row.attempts === 1 && row.recorded === 1)).toBe(true);
  });
});
