import {
  BusinessErasureCompletedV1Contract,
  UserErasureRequestedV1Contract,
  UserRegisteredV1Contract,
  type EventEnvelope,
} from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { eventually, findMessage, placesOf, searchDatabase, testInfra, uniqueName } from '@platform/infra/testing';
import { createEvent, createKafkaClient } from '@platform/messaging';
import { Partitioners, type Kafka } from 'kafkajs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASED_USER } from '../../src/domain/erased-user.js';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';

interface Answer {
  status: number;
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
}

// The business-service's part of an erasure (docs/decisions/0015), end to end: the request comes
// from Kafka, the person is searched for in every column of every table afterwards, and the
// confirmation is read from Kafka.
describe('erasing a user (auth.user.erasure-requested → business.erasure.completed)', () => {
  let running: BusinessServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startBusinessService();
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('erasure-test') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  async function produce(...envelopes: EventEnvelope<object>[]): Promise<void> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic: UserRegisteredV1Contract.topic,
        acks: -1,
        messages: envelopes.map((envelope) => ({
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: { 'event-type': envelope.type, 'event-version': String(envelope.version) },
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  const applied = (eventId: string) => async () =>
    (await db.query('SELECT 1 FROM messaging_inbox WHERE event_id = $1', [eventId])).rowCount === 1;

  function registration(userId: string, email: string, displayName: string) {
    return createEvent(UserRegisteredV1Contract, 'auth-service', {
      aggregateId: userId,
      payload: { userId, email, displayName, registeredAt: new Date().toISOString() },
    });
  }

  function erasureRequest(userId: string) {
    return createEvent(UserErasureRequestedV1Contract, 'auth-service', {
      aggregateId: userId,
      payload: { erasureId: uuidv7(), userId, requestedAt: new Date().toISOString() },
    });
  }

  async function register(displayName: string) {
    const user = { userId: uuidv7(), email: `${uniqueName('person')}@example.com`.toLowerCase(), displayName };
    const event = registration(user.userId, user.email, displayName);
    await produce(event);
    await eventually('the user in the directory', applied(event.eventId));
    return { ...user, registered: event };
  }

  async function call(
    userId: string,
    method: string,
    path: string,
    body?: unknown,
    ifMatch?: string,
    idempotencyKey?: string,
  ) {
    const headers: Record<string, string> = signIdentity(
      { userId, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) },
      { method, path },
      running.identityKey,
    );
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch) headers['if-match'] = ifMatch;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(`${running.service.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} } as Answer;
  }

  /** The answer's body, once its status is `status`. */
  async function answered(answer: Promise<Answer>, status = 201): Promise<Answer['body']> {
    const { status: actual, body } = await answer;
    expect(actual, JSON.stringify(body)).toBe(status);
    return body;
  }
  const created = async (answer: Promise<Answer>) => (await answered(answer)).id as string;

  /** Every `table.column` of the service's database whose text holds `needle` (any case). */
  const whereItAppears = async (needle: string) => placesOf(await searchDatabase(db, [needle]));

  async function confirmationsOf(userId: string) {
    const { rows } = await db.query<{ payload: string; published: boolean }>(
      `SELECT payload, published_at IS NOT NULL AS published FROM messaging_outbox WHERE topic = $1 AND key = $2`,
      [BusinessErasureCompletedV1Contract.topic, userId],
    );
    return rows;
  }

  /** How many messages with `key` the topic holds now: read from the start to each partition's end. */
  /**
   * This service's confirmation for `userId`, as it reached Kafka: found by the event id of the
   * outbox row, since the business-services of other test files consume the same request from the
   * shared topic and confirm it too (with 0 records: they never knew the user).
   */
  async function ourConfirmationOnKafka(userId: string): Promise<EventEnvelope<Record<string, unknown>>> {
    await eventually('the confirmation published', async () => (await confirmationsOf(userId))[0]?.published === true);
    const [row] = await confirmationsOf(userId);
    const { eventId } = JSON.parse(row!.payload) as { eventId: string };
    const message = await findMessage(
      BusinessErasureCompletedV1Contract.topic,
      (candidate) => candidate.key?.toString() === userId && candidate.value?.toString().includes(eventId) === true,
      90_000,
    );
    return JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope<Record<string, unknown>>;
  }

  it('anonymises an owner and member everywhere, keeps invoices and memberships, and confirms once', async () => {
    const ada = await register(`Ada ${uniqueName('Erasable')}`);
    const bob = await register('Bob Colleague');

    // Ada owns a business with a customer, an issued invoice and a second member (Bob)...
    const northwind = await created(
      call(ada.userId, 'POST', '/v1/businesses', { name: 'Northwind Trading', currency: 'EUR' }),
    );
    const customerId = await created(
      call(ada.userId, 'POST', `/v1/businesses/${northwind}/customers`, {
        name: 'Globex Corporation',
        email: 'billing@globex.example',
      }),
    );
    const invoiceId = await created(
      call(ada.userId, 'POST', `/v1/businesses/${northwind}/invoices`, {
        customerId,
        dueDate: '2026-03-04',
        lines: [{ description: 'Consulting, January 2026', quantity: 12, unitAmountMinor: 9500, taxRateBps: 1900 }],
      }),
    );
    await answered(
      call(ada.userId, 'POST', `/v1/businesses/${northwind}/invoices/${invoiceId}/issue`, undefined, '"1"'),
      200,
    );
    await answered(
      call(ada.userId, 'POST', `/v1/businesses/${northwind}/members`, { email: bob.email, role: 'admin' }),
    );
    // ...and is a member of Bob's, which published business.member.added with her e-mail and name;
    // Bob added her under an Idempotency-Key, so the answer naming her is kept for his retries.
    const bakery = await created(call(bob.userId, 'POST', '/v1/businesses', { name: 'Bobs Bakery', currency: 'EUR' }));
    await answered(
      call(
        bob.userId,
        'POST',
        `/v1/businesses/${bakery}/members`,
        { email: ada.email, role: 'accountant' },
        undefined,
        uuidv7(),
      ),
    );

    // The search finds her before the erasure (so it can fail after it).
    const stored = ['messaging_idempotent_request.response_body', 'messaging_outbox.payload'];
    expect(await whereItAppears(ada.email)).toEqual(['directory_users.email', ...stored]);
    expect(await whereItAppears(ada.displayName)).toEqual(['directory_users.display_name', ...stored]);
    const invoiceBefore = (await db.query('SELECT * FROM invoices WHERE id = $1', [invoiceId])).rows;
    const customerBefore = (await db.query('SELECT * FROM customers WHERE id = $1', [customerId])).rows;
    const membershipsOf = async (userId: string) =>
      (
        await db.query(
          'SELECT business_id, role, added_at FROM business_members WHERE user_id = $1 ORDER BY business_id',
          [userId],
        )
      ).rows;
    const membershipsBefore = await membershipsOf(ada.userId);
    expect(membershipsBefore).toHaveLength(2);

    const request = erasureRequest(ada.userId);
    await produce(request);
    const confirmed = await ourConfirmationOnKafka(ada.userId);
    expect(confirmed).toMatchObject({
      type: 'business.erasure.completed',
      version: 1,
      source: 'business-service',
      aggregateId: ada.userId,
      // The directory row, the one stored business.member.added that carried her e-mail and name,
      // and Bob's stored answer of adding her.
      payload: { erasureId: request.payload.erasureId, userId: ada.userId, recordsChanged: 3 },
    });
    expect(Date.parse(confirmed.payload.completedAt as string)).not.toBeNaN();

    // Nothing of her is left in any column of any table.
    expect(await whereItAppears(ada.email)).toEqual([]);
    expect(await whereItAppears(ada.displayName)).toEqual([]);
    // The legal records and the record of who had access stay as they were.
    expect((await db.query('SELECT * FROM invoices WHERE id = $1', [invoiceId])).rows).toEqual(invoiceBefore);
    expect((await db.query('SELECT * FROM customers WHERE id = $1', [customerId])).rows).toEqual(customerBefore);
    expect(await membershipsOf(ada.userId)).toEqual(membershipsBefore);
    const members = await call(bob.userId, 'GET', `/v1/businesses/${bakery}/members`);
    expect(members.body.items?.find((member) => member.userId === ada.userId)).toMatchObject({
      email: ERASED_USER.email,
      displayName: ERASED_USER.displayName,
      role: 'accountant',
    });
    // The business she owned stays, and its other members keep their access.
    expect((await call(bob.userId, 'GET', `/v1/businesses/${northwind}`)).status).toBe(200);
    const invoice = await call(bob.userId, 'GET', `/v1/businesses/${northwind}/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'issued', customerId });

    // Her old address finds no one.
    const readded = await call(bob.userId, 'POST', `/v1/businesses/${bakery}/members`, {
      email: ada.email,
      role: 'viewer',
    });
    expect(readded.status).toBe(422);
    expect(readded.body.code).toBe('BUSINESS.MEMBER_NOT_IN_DIRECTORY');

    // The erasure redelivered, the registration redelivered, and the registration published anew
    // (same user, a new event id): all on her key, so handled in this order.
    const republished = registration(ada.userId, ada.email, ada.displayName);
    await produce(request, ada.registered, republished);
    await eventually('the republished registration handled', applied(republished.eventId));
    expect(await whereItAppears(ada.email)).toEqual([]);
    expect(await whereItAppears(ada.displayName)).toEqual([]);
    const confirmations = await confirmationsOf(ada.userId);
    expect(confirmations).toHaveLength(1);
    // Still the one confirmation this service published (its outbox holds every event it sent).
    expect(await confirmationsOf(ada.userId)).toHaveLength(1);
  }, 240_000);

  it('confirms an erasure of a user it never knew with 0 records, and never lets them in later', async () => {
    const userId = uuidv7();
    const request = erasureRequest(userId);
    await produce(request);
    expect(await ourConfirmationOnKafka(userId)).toMatchObject({
      payload: { erasureId: request.payload.erasureId, userId, recordsChanged: 0 },
    });

    // A registration that was held up (a dead-lettered one replayed, say) arrives after the erasure.
    const email = `${uniqueName('late')}@example.com`.toLowerCase();
    const late = registration(userId, email, 'Late Registrant');
    await produce(late);
    await eventually('the late registration handled', applied(late.eventId));
    expect(await whereItAppears(email)).toEqual([]);
    const owner = await register('Owner Of Business');
    const businessId = await created(
      call(owner.userId, 'POST', '/v1/businesses', { name: 'Contoso Services', currency: 'EUR' }),
    );
    const added = await call(owner.userId, 'POST', `/v1/businesses/${businessId}/members`, { email, role: 'viewer' });
    expect(added.body.code).toBe('BUSINESS.MEMBER_NOT_IN_DIRECTORY');
  }, 180_000);
});
