import { BusinessCreatedV1Contract, BusinessMemberRemovedV1Contract, KafkaHeader } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { findMessage, testInfra, uniqueName } from '@platform/infra/testing';
import { createKafkaClient } from '@platform/messaging';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';

interface User {
  userId: string;
  email: string;
}

interface Answer {
  status: number;
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
  headers: Headers;
}

// Businesses, members and customers over HTTP, as the gateway calls them: identity headers signed
// with the shared key, Problem Details for every refusal.
describe('businesses, members and customers over HTTP', () => {
  let running: BusinessServiceUnderTest;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startBusinessService();
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  // The directory is fed by auth.user.registered (test/events); here users are put in it directly.
  async function registered(displayName = 'Test User'): Promise<User> {
    const user = { userId: uuidv7(), email: `${uniqueName('member')}@example.com`.toLowerCase() };
    await db.query(
      `INSERT INTO directory_users (user_id, email, display_name, registered_at) VALUES ($1, $2, $3, now())`,
      [user.userId, user.email, displayName],
    );
    return user;
  }

  async function call(
    user: User | undefined,
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = user
      ? signIdentity(
          { userId: user.userId, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) },
          { method, path },
          running.identityKey,
        )
      : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${running.service.url}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Answer['body']) : {},
      headers: response.headers,
    };
  }

  async function newBusiness(owner: User, name = 'Acme Consulting GmbH'): Promise<string> {
    const created = await call(owner, 'POST', '/v1/businesses', { name, currency: 'EUR' });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  it('creates a business (201), the caller its owner, and publishes business.business.created through the outbox to Kafka', async () => {
    const owner = await registered();
    const created = await call(owner, 'POST', '/v1/businesses', { name: 'Acme Consulting GmbH', currency: 'EUR' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Acme Consulting GmbH',
      currency: 'EUR',
      invoicePrefix: 'ACMECONSUL',
      role: 'owner',
      createdAt: expect.any(String),
    });
    const businessId = created.body.id as string;
    expect((await call(owner, 'GET', `/v1/businesses/${businessId}`)).body).toEqual(created.body);
    const mine = await call(owner, 'GET', '/v1/businesses?limit=10');
    expect(mine.body).toEqual({ items: [created.body], nextCursor: null });

    const expectedPayload = {
      businessId,
      name: 'Acme Consulting GmbH',
      currency: 'EUR',
      invoicePrefix: 'ACMECONSUL',
      ownerUserId: owner.userId,
      createdAt: created.body.createdAt,
    };
    const { rows } = await db.query<{ topic: string; key: string; payload: string }>(
      `SELECT topic, key, payload FROM messaging_outbox WHERE key = $1`,
      [businessId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.topic).toBe(BusinessCreatedV1Contract.topic);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({
      type: 'business.business.created',
      version: 1,
      aggregateId: businessId,
      payload: expectedPayload,
    });

    // The relay publishes the row: the message on Kafka carries the same payload.
    const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('business-created') });
    const consumer = kafka.consumer({ groupId: uniqueName('business-created-reader') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: BusinessCreatedV1Contract.topic, fromBeginning: true });
      const message = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('business.business.created never reached Kafka')), 60_000);
        void consumer.run({
          eachMessage: async ({ message: received }) => {
            if (received.key?.toString() !== businessId) return;
            clearTimeout(timer);
            resolve(JSON.parse(received.value?.toString() ?? '{}') as Record<string, unknown>);
          },
        });
      });
      expect(message).toMatchObject({ type: 'business.business.created', payload: expectedPayload });
    } finally {
      await consumer.disconnect();
    }
  }, 90_000);

  it('refuses a request without the gateway’s signed identity (401), a body that breaks the contract (400), and an unknown currency (422)', async () => {
    const owner = await registered();
    expect((await call(undefined, 'GET', '/v1/businesses')).status).toBe(401);
    const invalid = await call(owner, 'POST', '/v1/businesses', { name: 'Acme', currency: 'eur' });
    expect(invalid.status).toBe(400);
    const unknown = await call(owner, 'POST', '/v1/businesses', { name: 'Acme', currency: 'ABC' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('BUSINESS.UNKNOWN_CURRENCY');
    const cursor = await call(owner, 'GET', '/v1/businesses?cursor=nonsense');
    expect(cursor.status).toBe(422);
    expect(cursor.body.code).toBe('BUSINESS.INVALID_CURSOR');
  });

  it('lets an owner rename the business; not an accountant (403)', async () => {
    const owner = await registered();
    const accountant = await registered();
    const businessId = await newBusiness(owner);
    await call(owner, 'POST', `/v1/businesses/${businessId}/members`, { email: accountant.email, role: 'accountant' });
    const renamed = await call(owner, 'PATCH', `/v1/businesses/${businessId}`, {
      name: 'Acme AG',
      invoicePrefix: 'ACME',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Acme AG', invoicePrefix: 'ACME', role: 'owner' });
    const refused = await call(accountant, 'PATCH', `/v1/businesses/${businessId}`, { name: 'Mine' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BUSINESS.FORBIDDEN');
  });

  it('adds members by e-mail (201), changes roles, removes them (204), and keeps the last owner (422)', async () => {
    const owner = await registered('Ada Lovelace');
    const grace = await registered('Grace Hopper');
    const businessId = await newBusiness(owner);
    const members = `/v1/businesses/${businessId}/members`;

    const added = await call(owner, 'POST', members, { email: grace.email.toUpperCase(), role: 'viewer' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      userId: grace.userId,
      email: grace.email,
      displayName: 'Grace Hopper',
      role: 'viewer',
      addedAt: expect.any(String),
    });
    const again = await call(owner, 'POST', members, { email: grace.email, role: 'admin' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BUSINESS.ALREADY_MEMBER');
    for (const email of ['nobody@example.com', 'not an address', 'nul\u0000@example.com']) {
      const unknown = await call(owner, 'POST', members, { email, role: 'viewer' });
      expect(unknown.status, email).toBe(422);
      expect(unknown.body.code).toBe('BUSINESS.MEMBER_NOT_IN_DIRECTORY');
    }

    // A viewer reads the team but cannot manage it.
    expect((await call(grace, 'GET', members)).body.items?.map((member) => member.role)).toEqual(['owner', 'viewer']);
    const newcomer = await registered();
    const forbidden = await call(grace, 'POST', members, { email: newcomer.email, role: 'viewer' });
    expect(forbidden.status).toBe(403);
    expect((await call(grace, 'DELETE', `${members}/${owner.userId}`)).status).toBe(403);

    const lastOwner = await call(owner, 'PATCH', `${members}/${owner.userId}`, { role: 'admin' });
    expect(lastOwner.status).toBe(422);
    expect(lastOwner.body.code).toBe('BUSINESS.LAST_OWNER');
    expect((await call(owner, 'DELETE', `${members}/${owner.userId}`)).body.code).toBe('BUSINESS.LAST_OWNER');

    const promoted = await call(owner, 'PATCH', `${members}/${grace.userId}`, { role: 'owner' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('owner');
    const removed = await call(grace, 'DELETE', `${members}/${owner.userId}`);
    expect(removed.status).toBe(204);
    expect((await call(grace, 'GET', members)).body.items?.map((member) => member.userId)).toEqual([grace.userId]);
    expect((await call(owner, 'GET', `/v1/businesses/${businessId}`)).status).toBe(404);
    const stranger = await call(grace, 'PATCH', `${members}/${uuidv7()}`, { role: 'viewer' });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('BUSINESS.MEMBER_NOT_FOUND');

    // The removal reaches Kafka through the outbox, on the member topic and keyed by the business.
    const removal = await findMessage(
      BusinessMemberRemovedV1Contract.topic,
      (message) =>
        message.key?.toString() === businessId &&
        message.headers?.[KafkaHeader.eventType]?.toString() === BusinessMemberRemovedV1Contract.type,
      60_000,
    );
    expect(JSON.parse(removal.value?.toString() ?? '{}')).toMatchObject({
      type: 'business.member.removed',
      aggregateId: businessId,
      payload: { businessId, userId: owner.userId, role: 'owner', removedAt: expect.any(String) },
    });
  }, 90_000);

  it('creates, lists, reads, changes and archives customers', async () => {
    const owner = await registered();
    const businessId = await newBusiness(owner);
    const customers = `/v1/businesses/${businessId}/customers`;
    const address = { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' };
    const created = await call(owner, 'POST', customers, {
      name: 'Globex Corporation',
      email: 'Billing@Globex.Example',
      address,
      taxId: 'DE123456789',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Globex Corporation',
      email: 'billing@globex.example',
      address: { ...address, line2: null },
      taxId: 'DE123456789',
      archived: false,
      createdAt: expect.any(String),
    });
    const customerId = created.body.id as string;
    const other = await call(owner, 'POST', customers, { name: 'Initech', email: 'ap@initech.example' });
    expect(other.status).toBe(201);

    expect((await call(owner, 'GET', `${customers}/${customerId}`)).body).toEqual(created.body);
    const archived = await call(owner, 'PATCH', `${customers}/${customerId}`, { archived: true, address: null });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, address: null, taxId: 'DE123456789' });

    const all = await call(owner, 'GET', customers);
    expect(all.body.items?.map((customer) => customer.id)).toEqual([other.body.id, customerId]);
    const onlyArchived = await call(owner, 'GET', `${customers}?archived=true`);
    expect(onlyArchived.body.items?.map((customer) => customer.id)).toEqual([customerId]);
    const onlyActive = await call(owner, 'GET', `${customers}?archived=false&limit=1`);
    expect(onlyActive.body).toEqual({ items: [other.body], nextCursor: null });

    const badEmail = await call(owner, 'POST', customers, { name: 'Bad', email: 'not an address' });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.code).toBe('BUSINESS.INVALID_EMAIL');
    expect((await call(owner, 'POST', customers, { email: 'x@example.com' })).status).toBe(400);
    expect((await call(owner, 'GET', `${customers}/${uuidv7()}`)).status).toBe(404);
  });

  it('creates a customer once per Idempotency-Key: the retry gets the first answer again, and no second customer', async () => {
    const owner = await registered();
    const businessId = await newBusiness(owner);
    const customers = `/v1/businesses/${businessId}/customers`;
    const key = { 'idempotency-key': uuidv7() };
    const customer = { name: 'Umbrella plc', email: 'ap@umbrella.example' };

    const first = await call(owner, 'POST', customers, customer, key);
    const retry = await call(owner, 'POST', customers, customer, key);
    const otherBody = await call(owner, 'POST', customers, { ...customer, name: 'Umbrella Ltd' }, key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const { rows } = await db.query(`SELECT id FROM customers WHERE business_id = $1`, [businessId]);
    expect(rows).toEqual([{ id: first.body.id }]);
  });

  it('answers 404 on every route to a user of another business, whatever the id', async () => {
    const owner = await registered();
    const outsider = await registered();
    const businessId = await newBusiness(owner);
    await newBusiness(outsider, 'Outsider Ltd');
    const customer = await call(owner, 'POST', `/v1/businesses/${businessId}/customers`, {
      name: 'Globex',
      email: 'billing@globex.example',
    });
    const customerId = customer.body.id as string;
    for (const id of [businessId, uuidv7(), 'not-a-uuid']) {
      const base = `/v1/businesses/${id}`;
      const attempts: [string, string, unknown?][] = [
        ['GET', base],
        ['PATCH', base, { name: 'Taken Over' }],
        ['GET', `${base}/members`],
        ['POST', `${base}/members`, { email: outsider.email, role: 'owner' }],
        ['PATCH', `${base}/members/${owner.userId}`, { role: 'viewer' }],
        ['DELETE', `${base}/members/${owner.userId}`],
        ['GET', `${base}/customers`],
        ['POST', `${base}/customers`, { name: 'Sneaky', email: 's@example.com' }],
        ['GET', `${base}/customers/${customerId}`],
        ['PATCH', `${base}/customers/${customerId}`, { archived: true }],
      ];
      for (const [method, path, body] of attempts) {
        const answer = await call(outsider, method, path, body);
        expect({ method, path, status: answer.status, code: answer.body.code }).toEqual({
          method,
          path,
          status: 404,
          code: 'BUSINESS.NOT_FOUND',
        });
      }
    }
    // Nothing changed for the owner.
    expect((await call(owner, 'GET', `/v1/businesses/${businessId}/members`)).body.items).toHaveLength(1);
    expect((await call(owner, 'GET', `/v1/businesses/${businessId}/customers/${customerId}`)).body.archived).toBe(
      false,
    );
  });
});
