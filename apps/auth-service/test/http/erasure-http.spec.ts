import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import {
  BusinessErasureCompletedV1Contract,
  NotificationErasureCompletedV1Contract,
  type EventContract,
} from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { createTestDatabase, eventually, testInfra, uniqueName, type TestDatabase } from '@platform/infra/testing';
import { createEvent, createKafkaClient } from '@platform/messaging';
import { decodeJwt } from 'jose';
import { Partitioners, type Kafka } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authServiceOptions } from '../../src/auth-service.js';
import type { AuthConfig } from '../../src/auth.config.js';

const identityKey = randomBytes(32).toString('base64url');
const PASSWORD = 'correct horse battery staple';
// Short enough to watch an erasure become overdue, long enough to see it pending first.
const DEADLINE_MS = 6_000;
// The confirming services by names only this file produces: the real business- and
// notification-services of other test files share the topics and confirm what they see too.
const RUN = randomBytes(4).toString('hex');
const BUSINESS = `business-service-${RUN}`;
const NOTIFICATION = `notification-service-${RUN}`;

// The auth-service as main.ts runs it (the event consumer included), on its own database and
// consumer group; the confirmations come through Kafka as the other services publish them.
describe('erasure over HTTP and Kafka', () => {
  let database: TestDatabase;
  let service: RunningService<AuthConfig>;
  let keyDir: string;
  let kafka: Kafka;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('auth_erasure_http');
    keyDir = mkdtempSync(path.join(tmpdir(), 'auth-keys-'));
    service = await bootstrapService({
      ...authServiceOptions(),
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        IDENTITY_SIGNING_KEY: identityKey,
        JWT_DEV_KEY_DIR: keyDir,
        KAFKA_CONSUMER_GROUP: uniqueName('auth-erasure-test'),
        ERASURE_CONFIRMATION_DEADLINE_MS: String(DEADLINE_MS),
        ERASURE_CONFIRMING_SERVICES: `${BUSINESS},${NOTIFICATION}`,
      },
      logStream: new PassThrough().resume(),
      handleSignals: false,
    });
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('erasure-test') });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await service?.shutdown('test over').catch(() => undefined);
    await database?.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const call = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${service.url}${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  // What the gateway adds once it has verified an access token.
  const identity = (method: string, route: string, accessToken: string, roles?: string[]) => {
    const claims = decodeJwt(accessToken);
    return signIdentity(
      { userId: claims.sub!, roles: roles ?? (claims['roles'] as string[]), tokenIssuedAt: claims.iat! },
      { method, path: route },
      identityKey,
    );
  };

  async function registered(name: string) {
    const email = `${uniqueName(name)}@example.com`;
    const created = await call('POST', '/v1/auth/register', { email, password: PASSWORD, displayName: name });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const login = await call('POST', '/v1/auth/login', { email, password: PASSWORD });
    const tokens = (await login.json()) as { accessToken: string; refreshToken: string };
    return { id, email, ...tokens };
  }

  async function produce(contract: EventContract, source: string, payload: Record<string, unknown>) {
    const envelope = createEvent(contract, source, { aggregateId: payload['userId'] as string, payload } as never);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic: contract.topic,
        acks: -1,
        messages: [
          {
            key: envelope.aggregateId,
            value: JSON.stringify(envelope),
            headers: { 'event-type': envelope.type, 'event-version': String(envelope.version) },
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
  }
  const confirmation = (erasureId: string, userId: string, recordsChanged: number) => ({
    erasureId,
    userId,
    recordsChanged,
    completedAt: new Date().toISOString(),
  });

  const overdueGauge = async () => {
    const text = await (await fetch(`${service.managementUrl}/metrics`)).text();
    return Number(/^auth_erasures_overdue (\S+)$/m.exec(text)?.[1]);
  };
  const erasuresCounted = async (via: string) => {
    const text = await (await fetch(`${service.managementUrl}/metrics`)).text();
    return Number(new RegExp(`^auth_erasures_total\\{via="${via}"\\} (\\S+)$`, 'm').exec(text)?.[1]);
  };

  it('erases the caller with their password, confirmed by both services through Kafka', async () => {
    const user = await registered('ada');
    const admin = await registered('admin');
    const selfBefore = await erasuresCounted('self');

    const wrong = await call(
      'DELETE',
      '/v1/me',
      { password: 'not my password' },
      identity('DELETE', '/v1/me', user.accessToken),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    const missing = await call('DELETE', '/v1/me', {}, identity('DELETE', '/v1/me', user.accessToken));
    expect(missing.status).toBe(400);
    expect((await db.query('SELECT email FROM users WHERE id = $1', [user.id])).rows).toEqual([{ email: user.email }]);

    const erased = await call(
      'DELETE',
      '/v1/me',
      { password: PASSWORD },
      identity('DELETE', '/v1/me', user.accessToken),
    );
    expect(erased.status).toBe(202);
    const { erasureId, status } = (await erased.json()) as { erasureId: string; status: string };
    expect(status).toBe('pending');
    expect(await erasuresCounted('self')).toBe(selfBefore + 1);

    expect((await call('POST', '/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    const login = await call('POST', '/v1/auth/login', { email: user.email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect(await login.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    const again = await call(
      'DELETE',
      '/v1/me',
      { password: PASSWORD },
      identity('DELETE', '/v1/me', user.accessToken),
    );
    expect(again.status).toBe(404);
    const [row] = (
      await db.query('SELECT email, display_name, password_hash, erased_at FROM users WHERE id = $1', [user.id])
    ).rows;
    expect(row).toMatchObject({ email: null, display_name: null, password_hash: null, erased_at: expect.any(Date) });
    const events = (
      await db.query(`SELECT payload::json->>'type' AS type FROM messaging_outbox WHERE key = $1 ORDER BY id`, [
        user.id,
      ])
    ).rows.map((event: { type: string }) => event.type);
    expect(events).toEqual(['auth.user.registered', 'auth.user.sessions-revoked', 'auth.user.erasure-requested']);

    const route = `/v1/admin/erasures/${erasureId}`;
    const asAdmin = () => identity('GET', route, admin.accessToken, ['user', 'admin']);
    expect((await call('GET', route, undefined, identity('GET', route, admin.accessToken))).status).toBe(403);
    const pending = await call('GET', route, undefined, asAdmin());
    expect(pending.status).toBe(200);
    expect(await pending.json()).toMatchObject({
      id: erasureId,
      userId: user.id,
      requestedVia: 'self',
      status: 'pending',
      awaiting: [BUSINESS, NOTIFICATION],
    });

    await produce(BusinessErasureCompletedV1Contract, BUSINESS, confirmation(erasureId, user.id, 5));
    await produce(NotificationErasureCompletedV1Contract, NOTIFICATION, confirmation(erasureId, user.id, 0));
    let body: Record<string, unknown> = {};
    await eventually(
      'both confirmations recorded',
      async () => {
        body = (await (await call('GET', route, undefined, asAdmin())).json()) as Record<string, unknown>;
        return body['status'] === 'completed';
      },
      60_000,
    );
    expect(body).toMatchObject({
      awaiting: [],
      confirmations: expect.arrayContaining([
        expect.objectContaining({ service: BUSINESS, recordsChanged: 5 }),
        expect.objectContaining({ service: NOTIFICATION, recordsChanged: 0 }),
      ]),
    });
    expect(
      (
        await call(
          'GET',
          '/v1/admin/erasures/not-an-id',
          undefined,
          identity('GET', '/v1/admin/erasures/not-an-id', admin.accessToken, ['user', 'admin']),
        )
      ).status,
    ).toBe(404);
  }, 120_000);

  it('lets an admin erase a user; with a service missing past the deadline it is overdue and the gauge says so', async () => {
    const user = await registered('grace');
    const admin = await registered('root');
    const adminRoles = ['user', 'admin'];
    await db.query(`UPDATE users SET roles = '{user,admin}' WHERE id = $1`, [admin.id]);
    const route = `/v1/admin/users/${user.id}`;

    const notAdmin = await call('DELETE', route, undefined, identity('DELETE', route, user.accessToken));
    expect(notAdmin.status).toBe(403);
    const ownRoute = `/v1/admin/users/${admin.id}`;
    const own = await call('DELETE', ownRoute, undefined, identity('DELETE', ownRoute, admin.accessToken, adminRoles));
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ code: 'AUTH.ERASE_SELF_WITH_PASSWORD' });

    const erased = await call('DELETE', route, undefined, identity('DELETE', route, admin.accessToken, adminRoles));
    expect(erased.status).toBe(202);
    const { erasureId } = (await erased.json()) as { erasureId: string };
    expect(
      (await call('DELETE', route, undefined, identity('DELETE', route, admin.accessToken, adminRoles))).status,
    ).toBe(404);

    await produce(BusinessErasureCompletedV1Contract, BUSINESS, confirmation(erasureId, user.id, 2));
    const statusRoute = `/v1/admin/erasures/${erasureId}`;
    let body: Record<string, unknown> = {};
    await eventually(
      'the erasure overdue with its notification-service missing',
      async () => {
        const response = await call(
          'GET',
          statusRoute,
          undefined,
          identity('GET', statusRoute, admin.accessToken, adminRoles),
        );
        body = (await response.json()) as Record<string, unknown>;
        return body['status'] === 'overdue' && (body['awaiting'] as string[]).join() === NOTIFICATION;
      },
      60_000,
    );
    expect(body).toMatchObject({
      requestedVia: 'admin',
      awaiting: [NOTIFICATION],
      confirmations: expect.arrayContaining([expect.objectContaining({ service: BUSINESS, recordsChanged: 2 })]),
    });
    // The first test's erasure is complete: only this one counts.
    await eventually('auth_erasures_overdue at 1', async () => (await overdueGauge()) === 1, 60_000);
  }, 120_000);
});
