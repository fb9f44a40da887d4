import {
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  BusinessMemberAddedV1Contract,
  NOTIFICATION_ERASURE_TOPIC_V1,
  type EventEnvelope,
} from '@platform/contracts';
import {
  deleteGroup,
  eventually,
  findMessage,
  placesOf,
  searchDatabase,
  startTestMailpit,
  testInfra,
  uniqueGroupId,
  uniqueName,
  type TestMailpit,
} from '@platform/infra/testing';
import { createEvent, createKafkaClient } from '@platform/messaging';
import type { Kafka, KafkaMessage } from 'kafkajs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  businessCreated,
  erasureRequested,
  invoiceIssued,
  invoicePaid,
  uniqueAddress,
  userRegistered,
} from '../support/event-factory.js';
import {
  produceEvents,
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../support/notification-service-under-test.js';
import { apiOf } from '../webhooks/support/webhook-api.js';

// auth.user.erasure-requested over real Kafka: the person's rows go in the inbox transaction, the
// confirmation leaves through the outbox to Kafka, and nothing about them is recorded or sent again.
describe('erasing a user (auth.user.erasure-requested → nothing left, confirmed on Kafka)', () => {
  let mailpit: TestMailpit;
  let running: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;
  const user = { id: uuidv7(), email: uniqueAddress('erased'), name: `Erika ${uniqueName('Erased')}` };
  const customer = uniqueAddress('customer');
  const ownedBusiness = uuidv7();
  const otherBusiness = uuidv7();
  const erasure = erasureRequested(user.id);

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

  const statusesOf = async (eventId: string) =>
    (
      await db.query<{ template: string; recipient: string; status: string }>(
        `SELECT template, recipient, status FROM notifications WHERE event_id = $1 ORDER BY template`,
        [eventId],
      )
    ).rows;

  const sent = (eventId: string, count: number) => async () => {
    const rows = await statusesOf(eventId);
    return rows.length === count && rows.every((row) => row.status === 'sent');
  };

  /** Every place of the database that holds `text` (any case), with how many rows: `table.column (n)`. */
  async function placesHolding(text: string): Promise<string[]> {
    const hits = await searchDatabase(db, [text]);
    return placesOf(hits).map(
      (place) => `${place} (${hits.filter((hit) => `${hit.table}.${hit.column}` === place).length})`,
    );
  }

  /**
   * The event ids of this service's confirmations for `userId`, from its outbox (every event it
   * sent is there): the notification-services of other test files consume the same request from
   * the shared topic and confirm it too, so Kafka alone cannot tell whose a confirmation is.
   */
  async function ourConfirmationIds(userId: string): Promise<string[]> {
    const { rows } = await db.query<{ payload: string }>(
      `SELECT payload FROM messaging_outbox WHERE topic = $1 AND key = $2`,
      [NOTIFICATION_ERASURE_TOPIC_V1, userId],
    );
    return rows.map((row) => (JSON.parse(row.payload) as { eventId: string }).eventId);
  }

  /** This service's confirmation for `userId` as it reached Kafka. */
  async function ourConfirmationOnKafka(userId: string): Promise<KafkaMessage> {
    let ids: string[] = [];
    await eventually(
      'the confirmation in the outbox',
      async () => (ids = await ourConfirmationIds(userId)).length > 0,
      120_000,
    );
    return findMessage(
      NOTIFICATION_ERASURE_TOPIC_V1,
      (candidate) => ids.includes(confirmationOf(candidate).eventId),
      120_000,
    );
  }

  /** Every message on `topic` up to its current end that `matches`; a throwaway group, removed afterwards. */
  async function messagesOn(topic: string, matches: (message: KafkaMessage) => boolean): Promise<KafkaMessage[]> {
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const ends = new Map(offsets.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
    const groupId = uniqueGroupId('erasure-reader');
    const consumer = kafka.consumer({ groupId });
    const found: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${topic} not read to its end`)), 60_000);
        if (ends.size === 0) resolve();
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            if (matches(message)) found.push(message);
            if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) ends.delete(partition);
            if (ends.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
      await deleteGroup(groupId);
    }
    return found;
  }

  const confirmationOf = (message: KafkaMessage) =>
    JSON.parse(message.value!.toString()) as EventEnvelope<{
      erasureId: string;
      userId: string;
      recordsChanged: number;
    }>;

  /** business.member.added carries the member's address and name: the user's own here. */
  const memberAdded = (businessId: string, role: 'admin' | 'viewer', at = new Date()) =>
    createEvent(BusinessMemberAddedV1Contract, 'business-service', {
      aggregateId: businessId,
      occurredAt: at,
      payload: {
        businessId,
        businessName: 'Globex Partners',
        userId: user.id,
        email: user.email,
        displayName: user.name,
        role,
        addedAt: at.toISOString(),
      },
    });

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    running = await startNotificationService({ SMTP_HOST: mailpit.smtpHost, SMTP_PORT: String(mailpit.smtpPort) });
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('erasure-test') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();

    // What the service comes to hold of the user: a welcome sent, an owner note, preferences, memberships.
    const registered = userRegistered(user.email, user.name, user.id);
    await deliver(AUTH_USER_TOPIC_V1, registered);
    await eventually('the welcome sent', sent(registered.eventId, 1), 120_000);
    await deliver(BUSINESS_BUSINESS_TOPIC_V1, businessCreated(user.id, 'Acme Erasure Ltd', ownedBusiness));
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(otherBusiness, 'admin'));
    const issued = invoiceIssued({ businessId: ownedBusiness, customerEmail: customer });
    await deliver(BUSINESS_INVOICE_TOPIC_V1, issued);
    const paid = invoicePaid(issued.payload.invoiceId, ownedBusiness);
    await deliver(BUSINESS_INVOICE_TOPIC_V1, paid);
    await eventually('the receipt and the owner note sent', sent(paid.eventId, 2), 120_000);
    expect((await statusesOf(paid.eventId)).map((row) => row.recipient)).toEqual([user.email, customer]);
    const preferences = await apiOf(running)(user.id, 'PUT', '/v1/me/notification-preferences', { reminders: false });
    expect(preferences.status, JSON.stringify(preferences.body)).toBe(200);
    // A notice waiting for its retry when the erasure comes: the dispatcher must never send it.
    await db.query(
      `INSERT INTO notifications (id, event_id, event_type, occurred_at, channel, template, category, recipient,
                                  recipient_name, user_id, data, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, 'auth.user.password-changed', now(), 'email', 'password-changed', 'transactional', $3, $4, $5,
               $6, 'retrying', 1, now() + interval '1 hour', now(), now())`,
      [uuidv7(), uuidv7(), user.email, user.name, user.id, JSON.stringify({ displayName: user.name })],
    );
    expect(await placesHolding(user.email)).not.toEqual([]);
    expect(await placesHolding(user.name)).not.toEqual([]);

    await deliver(AUTH_USER_TOPIC_V1, erasure);
  }, 600_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await mailpit?.stop();
  });

  it('leaves their address and name in no table, and keeps only a tombstone of the id', async () => {
    expect(await placesHolding(user.email)).toEqual([]);
    expect(await placesHolding(user.name)).toEqual([]);
    const { rows } = await db.query(`SELECT user_id FROM erased_users WHERE user_id = $1`, [user.id]);
    expect(rows).toEqual([{ user_id: user.id }]);
    expect((await db.query(`SELECT 1 FROM known_business_members WHERE user_id = $1`, [user.id])).rows).toEqual([]);
    // What was the customer's stays the business's.
    expect((await db.query(`SELECT 1 FROM notifications WHERE recipient = $1`, [customer])).rows).toHaveLength(2);
  });

  it('confirms on notification.erasure.v1, keyed by the user, with the rows it deleted', async () => {
    const message = await ourConfirmationOnKafka(user.id);
    const confirmation = confirmationOf(message);
    expect(message.key?.toString()).toBe(user.id);
    expect(confirmation).toMatchObject({
      type: 'notification.erasure.completed',
      version: 1,
      source: 'notification-service',
      aggregateId: user.id,
      causationId: erasure.eventId,
      correlationId: erasure.correlationId,
      payload: { erasureId: erasure.payload.erasureId, userId: user.id },
    });
    // Welcome, owner note and the waiting notice; the preference; the user; two memberships.
    expect(confirmation.payload.recordsChanged).toBe(7);
  });

  it('confirms the erasure of a user it never heard of, with 0 rows', async () => {
    const stranger = erasureRequested(uuidv7());
    await deliver(AUTH_USER_TOPIC_V1, stranger);
    const message = await ourConfirmationOnKafka(stranger.payload.userId);
    expect(confirmationOf(message).payload).toMatchObject({
      erasureId: stranger.payload.erasureId,
      userId: stranger.payload.userId,
      recordsChanged: 0,
    });
  });

  it('changes nothing and confirms nothing twice for a redelivered or replayed erasure', async () => {
    // The same event again (the inbox drops it), and a copy under a new id, as a replay after the
    // inbox's retention would be (the tombstone stops it); then a marker on the same key, applied after both.
    const replay = { ...erasure, eventId: uuidv7() };
    const marker = userRegistered(user.email, user.name, user.id);
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, erasure, replay);
    await deliver(AUTH_USER_TOPIC_V1, marker);
    await eventually(
      'the outbox drained',
      async () => (await db.query(`SELECT 1 FROM messaging_outbox WHERE published_at IS NULL`)).rows.length === 0,
      120_000,
    );
    // One confirmation in this service's outbox, and on Kafka only that event (the relay publishes at
    // least once: its record may repeat, consumers drop it by its id).
    const ours = await ourConfirmationIds(user.id);
    expect(ours).toHaveLength(1);
    const onKafka = await messagesOn(NOTIFICATION_ERASURE_TOPIC_V1, (message) => message.key?.toString() === user.id);
    expect(onKafka.map((message) => confirmationOf(message).eventId)).toContain(ours[0]);
    expect((await db.query(`SELECT 1 FROM messaging_inbox WHERE event_id = $1`, [replay.eventId])).rows).toHaveLength(
      1,
    );
  });

  it('records nothing and sends nothing for a late registration or membership of theirs', async () => {
    const lateRegistration = userRegistered(user.email, user.name, user.id);
    await deliver(AUTH_USER_TOPIC_V1, lateRegistration);
    await deliver(BUSINESS_MEMBER_TOPIC_V1, memberAdded(otherBusiness, 'viewer'));
    const lateCreation = businessCreated(user.id, 'Acme Erasure Ltd', ownedBusiness);
    await deliver(BUSINESS_BUSINESS_TOPIC_V1, lateCreation);
    expect(await statusesOf(lateRegistration.eventId)).toEqual([]);
    expect((await db.query(`SELECT 1 FROM known_users WHERE user_id = $1`, [user.id])).rows).toEqual([]);
    expect((await db.query(`SELECT 1 FROM known_business_members WHERE user_id = $1`, [user.id])).rows).toEqual([]);

    // Someone else's welcome, registered later, is sent: by then anything queued for them would be too.
    const later = userRegistered(uniqueAddress('later'));
    await deliver(AUTH_USER_TOPIC_V1, later);
    await eventually('a later welcome sent', sent(later.eventId, 1), 120_000);
    const welcomes = (await mailpit.messagesTo(user.email)).filter((message) => message.Subject.startsWith('Welcome'));
    expect(welcomes).toHaveLength(1);
    expect(await placesHolding(user.email)).toEqual([]);
    expect(await placesHolding(user.name)).toEqual([]);
  });

  it('e-mails them nothing about a business they owned: its customer still gets the receipt', async () => {
    const before = (await mailpit.messagesTo(user.email)).length;
    const issued = invoiceIssued({ businessId: ownedBusiness, customerEmail: customer });
    await deliver(BUSINESS_INVOICE_TOPIC_V1, issued);
    const paid = invoicePaid(issued.payload.invoiceId, ownedBusiness);
    await deliver(BUSINESS_INVOICE_TOPIC_V1, paid);
    await eventually('the receipt sent', sent(paid.eventId, 1), 120_000);
    expect(await statusesOf(paid.eventId)).toEqual([
      { template: 'invoice-receipt', recipient: customer, status: 'sent' },
    ]);
    expect(await mailpit.messagesTo(user.email)).toHaveLength(before);
    expect(await placesHolding(user.email)).toEqual([]);
  });
});
