import {
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  type EventEnvelope,
} from '@platform/contracts';
import { eventually, startTestMailpit, testInfra, uniqueName, type TestMailpit } from '@platform/infra/testing';
import { createKafkaClient } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessCreated, invoicePaid, uniqueAddress, userRegistered } from '../support/event-factory.js';
import {
  produceEvents,
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../support/notification-service-under-test.js';
import { apiOf, memberAdded, memberRemoved, memberRoleChanged, newId } from '../webhooks/support/webhook-api.js';

// business.member.added|role-changed|removed over real Kafka into the members read model, and what
// it decides: who reads a business's notifications, who manages its webhook endpoints, who gets
// its owner notes. Events carry their own instants, so the tests can send them out of order.
describe('membership changes (Kafka → members read model → access and owner notes)', () => {
  let mailpit: TestMailpit;
  let running: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;
  let api: ReturnType<typeof apiOf>;
  const owner = { id: newId(), email: uniqueAddress('owner') };
  const businessId = newId();
  const endpoints = `/v1/businesses/${businessId}/webhook-endpoints`;
  const notifications = `/v1/businesses/${businessId}/notifications`;

  /** Produces the events and waits until this instance's consumer has applied every one (its inbox rows). */
  async function deliver(topic: string, ...events: EventEnvelope<object>[]): Promise<void> {
    await produceEvents(kafka, topic, ...events);
    await eventually(
      `${events.map((event) => event.type).join(', ')} applied`,
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM messaging_inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`,
          [running.groupId, events.map((event) => event.eventId)],
        );
        return rows[0]?.n === events.length;
      },
      // Other test files' events on the shared topics may be ahead of ours on a busy machine.
      120_000,
    );
  }

  // Subscribed to voided invoices only, of which these tests send none: nothing is ever delivered to it.
  const createEndpoint = (userId: string) =>
    api(userId, 'POST', endpoints, { url: 'http://127.0.0.1:9/hook', events: ['invoice.voided'] });

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    running = await startNotificationService({
      SMTP_HOST: mailpit.smtpHost,
      SMTP_PORT: String(mailpit.smtpPort),
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
    });
    api = apiOf(running);
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('membership-test') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
    await deliver(AUTH_USER_TOPIC_V1, userRegistered(owner.email, 'Olive Owner', owner.id));
    await deliver(BUSINESS_BUSINESS_TOPIC_V1, businessCreated(owner.id, 'Acme', businessId));
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await mailpit?.stop();
  });

  it("answers a removed member 404 on the business's notifications and webhook endpoints, and a re-added one again", async () => {
    const admin = newId();
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(businessId, admin, 'admin'));
    const made = await createEndpoint(admin);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const endpoint = `${endpoints}/${made.body.id as string}`;
    expect((await api(admin, 'GET', notifications)).status).toBe(200);

    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberRemoved(businessId, admin, 'admin'));
    const attempts: [string, string, unknown?][] = [
      ['GET', notifications],
      ['GET', endpoints],
      ['POST', endpoints, { url: 'http://127.0.0.1:9/other', events: ['invoice.paid'] }],
      ['GET', endpoint],
      ['PATCH', endpoint, { enabled: false }],
      ['DELETE', endpoint],
      ['POST', `${endpoint}/secret/rotate`],
      ['GET', `${endpoint}/deliveries`],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await api(admin, method, path, body);
      // As for a business that does not exist: a former member learns nothing of it.
      expect([method, path, answer.status, answer.body.code]).toEqual([method, path, 404, 'BUSINESS.NOT_FOUND']);
    }
    // What they made stays the business's, untouched.
    expect((await api(owner.id, 'GET', endpoint)).body).toMatchObject({ enabled: true });

    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(businessId, admin, 'admin'));
    expect((await api(admin, 'GET', notifications)).status).toBe(200);
    const patched = await api(admin, 'PATCH', endpoint, { enabled: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ enabled: false });
  });

  it('refuses a demoted admin to create, change or delete webhook endpoints (403), and lets them manage again once promoted', async () => {
    const admin = newId();
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(businessId, admin, 'admin'));
    const made = await createEndpoint(owner.id);
    expect(made.status).toBe(201);
    const endpoint = `${endpoints}/${made.body.id as string}`;
    expect((await api(admin, 'PATCH', endpoint, { description: 'by the admin' })).status).toBe(200);

    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberRoleChanged(businessId, admin, { from: 'admin', to: 'accountant' }));
    const attempts: [string, string, unknown?][] = [
      ['POST', endpoints, { url: 'http://127.0.0.1:9/other', events: ['invoice.paid'] }],
      ['PATCH', endpoint, { enabled: false }],
      ['DELETE', endpoint],
      ['GET', endpoints],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await api(admin, method, path, body);
      expect([method, answer.status, answer.body.code]).toEqual([method, 403, 'BUSINESS.FORBIDDEN']);
    }
    // Still a member: the business's notifications stay theirs to read.
    expect((await api(admin, 'GET', notifications)).status).toBe(200);
    expect((await api(owner.id, 'GET', endpoint)).body).toMatchObject({ enabled: true, description: 'by the admin' });

    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberRoleChanged(businessId, admin, { from: 'accountant', to: 'admin' }));
    expect((await api(admin, 'DELETE', endpoint)).status).toBe(204);
  });

  it('keeps a removed member out when older events of theirs arrive late, also the owner row from another topic', async () => {
    const now = Date.now();
    const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000);

    // Removed at -10 s; an add (-30 s) and a promotion (-20 s) from before come after it.
    const late = newId();
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberRemoved(businessId, late, 'viewer', at(10)));
    await deliver(
      BUSINESS_MEMBER_TOPIC_V1,
      memberAdded(businessId, late, 'viewer', at(30)),
      memberRoleChanged(businessId, late, { from: 'viewer', to: 'admin' }, at(20)),
    );
    expect((await api(late, 'GET', notifications)).status).toBe(404);
    expect((await api(late, 'GET', endpoints)).status).toBe(404);
    // A newer add still applies.
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(businessId, late, 'viewer', at(5)));
    expect((await api(late, 'GET', notifications)).status).toBe(200);

    // business.business.created travels on its own topic: its owner row may come after the
    // creator's removal (they handed the business to a co-owner), and must not bring them back.
    const otherId = newId();
    const creator = newId();
    const successor = newId();
    await deliver(
      BUSINESS_MEMBER_TOPIC_V1,
      memberAdded(otherId, successor, 'owner', at(50)),
      memberRemoved(otherId, creator, 'owner', at(40)),
    );
    const created = businessCreated(creator, 'Handed Over Ltd', otherId);
    created.payload.createdAt = at(60).toISOString();
    await deliver(BUSINESS_BUSINESS_TOPIC_V1, created);
    const otherNotifications = `/v1/businesses/${otherId}/notifications`;
    expect((await api(creator, 'GET', otherNotifications)).status).toBe(404);
    expect((await api(creator, 'GET', `/v1/businesses/${otherId}/webhook-endpoints`)).status).toBe(404);
    expect((await api(successor, 'GET', otherNotifications)).status).toBe(200);
  });

  it('sends owner notes to the creator while an owner, then to the remaining owner, never to a removed one', async () => {
    const creator = { id: newId(), email: uniqueAddress('creator') };
    const coOwner = newId();
    const handedOver = newId();
    await deliver(AUTH_USER_TOPIC_V1, userRegistered(creator.email, 'Cleo Creator', creator.id));
    await deliver(BUSINESS_BUSINESS_TOPIC_V1, businessCreated(creator.id, 'Handed Over Ltd', handedOver));
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(handedOver, coOwner, 'owner'));
    const ownerNotes = async (eventId: string) =>
      (
        await db.query<{ recipient: string; user_id: string }>(
          `SELECT recipient, user_id FROM notifications WHERE event_id = $1 AND template = 'invoice-paid-owner'`,
          [eventId],
        )
      ).rows;

    const before = invoicePaid(newId(), handedOver);
    await deliver(BUSINESS_INVOICE_TOPIC_V1, before);
    expect(await ownerNotes(before.eventId)).toEqual([{ recipient: creator.email, user_id: creator.id }]);

    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberRemoved(handedOver, creator.id, 'owner'));
    const after = invoicePaid(newId(), handedOver);
    await deliver(BUSINESS_INVOICE_TOPIC_V1, after);
    // The co-owner's address came with their business.member.added.
    expect(await ownerNotes(after.eventId)).toEqual([{ recipient: `${coOwner}@example.com`, user_id: coOwner }]);
  });
});
