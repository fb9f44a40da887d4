import type { BusinessSummaryResponse } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { startTestRedis, type TestRedis } from '@platform/infra/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetBusinessSummaryUseCase } from '../../src/application/get-business-summary.use-case.js';
import type { BusinessSummaries } from '../../src/application/ports/business-summary.port.js';
import type { SummaryCache } from '../../src/application/ports/summary-cache.port.js';
import { SUMMARY_CACHE } from '../../src/business-summary.providers.js';
import {
  RedisSummaryCache,
  summaryKey,
  summaryLockKey,
} from '../../src/infrastructure/secondary-adapters/cache/redis-summary-cache.js';
import { UncachedSummaries } from '../../src/infrastructure/secondary-adapters/cache/uncached-summary-cache.js';
import { PostgresBusinessRoles } from '../../src/infrastructure/secondary-adapters/persistence/postgres-business-roles.js';
import { PostgresBusinessSummaries } from '../../src/infrastructure/secondary-adapters/persistence/postgres-business-summary.js';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';

// The summary of a business's invoices, and its cache: real PostgreSQL, a real redis-server of
// this file's own, the service in-process. Rows are written with SQL (the invoices' use cases are
// not what is tested here); the cache is invalidated the way those use cases do, after the commit.

type Status = 'draft' | 'issued' | 'paid' | 'void';

function utcDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('business summary', () => {
  let redis: TestRedis;
  let running: BusinessServiceUnderTest;
  let db: pg.Client;
  let dataSource: DataSource;
  let postgresSummaries: PostgresBusinessSummaries;
  let inspector: Redis;
  let invoiceCounter = 0;

  beforeAll(async () => {
    redis = await startTestRedis();
    running = await startBusinessService({ REDIS_URL: redis.url });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
    dataSource = running.service.app.get(DataSource);
    postgresSummaries = new PostgresBusinessSummaries(dataSource.manager);
    inspector = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    inspector.on('error', () => undefined); // the last test stops Redis
  }, 120_000);
  afterAll(async () => {
    inspector?.disconnect();
    await db?.end();
    await running?.stop();
    await redis?.stop();
  });

  async function user(): Promise<string> {
    const userId = uuidv7();
    await db.query(
      `INSERT INTO directory_users (user_id, email, display_name, registered_at) VALUES ($1, $2, 'Ada', now())`,
      [userId, `${userId}@example.com`],
    );
    return userId;
  }

  /** A business with an owner and a customer. */
  async function business(): Promise<{ businessId: string; ownerId: string; customerId: string }> {
    const [businessId, customerId, ownerId] = [uuidv7(), uuidv7(), await user()];
    await db.query(
      `INSERT INTO businesses (id, name, currency, invoice_prefix, created_at, updated_at) VALUES ($1, 'Acme', 'EUR', 'ACME', now(), now())`,
      [businessId],
    );
    await member(businessId, ownerId, 'owner');
    await db.query(
      `INSERT INTO customers (id, business_id, name, email, created_at, updated_at) VALUES ($1, $2, 'Globex', 'ap@globex.example', now(), now())`,
      [customerId, businessId],
    );
    return { businessId, ownerId, customerId };
  }

  async function member(businessId: string, userId: string, role: string): Promise<void> {
    await db.query(`INSERT INTO business_members (business_id, user_id, role, added_at) VALUES ($1, $2, $3, now())`, [
      businessId,
      userId,
      role,
    ]);
  }

  async function invoice(
    target: { businessId: string; customerId: string },
    status: Status,
    currency: string,
    totalMinor: number,
    dueDate = utcDate(30),
  ): Promise<void> {
    invoiceCounter += 1;
    await db.query(
      `INSERT INTO invoices (id, business_id, customer_id, number, status, currency, due_date, lines,
                             subtotal_minor, tax_minor, total_minor, issued_at, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', $8, 0, $8, CASE WHEN $5 = 'draft' THEN NULL ELSE now() END, 1, now(), now())`,
      [
        uuidv7(),
        target.businessId,
        target.customerId,
        status === 'draft' ? null : `T-${invoiceCounter}`,
        status,
        currency,
        dueDate,
        totalMinor,
      ],
    );
  }

  function get(path: string, userId: string): Promise<Response> {
    const headers = signIdentity(
      { userId, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) - 5 },
      {
        method: 'GET',
        path,
      },
      running.identityKey,
    );
    return fetch(`${running.service.url}${path}`, { headers });
  }

  async function summaryOf(businessId: string, userId: string): Promise<BusinessSummaryResponse> {
    const response = await get(`/v1/businesses/${businessId}/summary`, userId);
    expect(response.status).toBe(200);
    return (await response.json()) as BusinessSummaryResponse;
  }

  async function cacheRequests(): Promise<Record<string, number>> {
    const text = await (await fetch(`${running.service.managementUrl}/metrics`)).text();
    const counts: Record<string, number> = {};
    for (const match of text.matchAll(/^business_summary_cache_requests_total\{result="(\w+)"\} (\d+)/gm))
      counts[match[1] as string] = Number(match[2]);
    return counts;
  }

  async function lockTimeouts(): Promise<number> {
    const text = await (await fetch(`${running.service.managementUrl}/metrics`)).text();
    return Number(/^business_summary_cache_lock_timeouts_total (\d+)/m.exec(text)?.[1] ?? NaN);
  }

  /** BusinessSummaries that counts its computations and can hold one after its read, until released. */
  function recording(inner: BusinessSummaries) {
    const state = {
      calls: 0,
      hold: undefined as Promise<void> | undefined,
      read: undefined as (() => void) | undefined,
    };
    const summaries: BusinessSummaries = {
      async compute(businessId, today) {
        state.calls += 1;
        const summary = await inner.compute(businessId, today);
        state.read?.();
        await state.hold;
        return summary;
      },
    };
    return { state, summaries };
  }

  const sharedCache = (options = {}): RedisSummaryCache =>
    new RedisSummaryCache(redis.url, { commandTimeoutMs: 5_000, lockWaitMs: 60_000, ...options });

  function useCase(summaries: BusinessSummaries, cache: SummaryCache): GetBusinessSummaryUseCase {
    return new GetBusinessSummaryUseCase(new PostgresBusinessRoles(dataSource.manager), summaries, cache);
  }

  it('counts and totals by status and currency, and what is overdue, of this business only', async () => {
    const acme = await business();
    const other = await business();
    await invoice(acme, 'draft', 'EUR', 1_000);
    await invoice(acme, 'draft', 'EUR', 2_500);
    await invoice(acme, 'issued', 'EUR', 10_000, utcDate(-1)); // overdue
    await invoice(acme, 'issued', 'EUR', 20_000, utcDate(-40)); // overdue
    await invoice(acme, 'issued', 'EUR', 5_000, utcDate(0)); // due today: not yet overdue
    await invoice(acme, 'issued', 'USD', 7_700, utcDate(-3)); // overdue
    await invoice(acme, 'paid', 'EUR', 4_000, utcDate(-10)); // paid: never overdue
    await invoice(acme, 'void', 'USD', 900, utcDate(-10)); // void: never overdue
    await invoice(other, 'issued', 'EUR', 999_999, utcDate(-5));

    const summary = await summaryOf(acme.businessId, acme.ownerId);

    const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });
    expect(summary.byStatus).toEqual([
      { status: 'draft', currency: 'EUR', count: 2, total: money(3_500, 'EUR') },
      { status: 'issued', currency: 'EUR', count: 3, total: money(35_000, 'EUR') },
      { status: 'issued', currency: 'USD', count: 1, total: money(7_700, 'USD') },
      { status: 'paid', currency: 'EUR', count: 1, total: money(4_000, 'EUR') },
      { status: 'void', currency: 'USD', count: 1, total: money(900, 'USD') },
    ]);
    expect(summary.overdue).toEqual([
      { currency: 'EUR', count: 2, total: money(30_000, 'EUR') },
      { currency: 'USD', count: 1, total: money(7_700, 'USD') },
    ]);
    expect(Number.isNaN(Date.parse(summary.computedAt))).toBe(false);

    const empty = await business();
    expect(await summaryOf(empty.businessId, empty.ownerId)).toMatchObject({ byStatus: [], overdue: [] });
  });

  it('checks the tenant on every request, cached or not: 404 for a non-member and for any unknown id, a viewer may read', async () => {
    const acme = await business();
    await invoice(acme, 'issued', 'EUR', 1_234);
    await summaryOf(acme.businessId, acme.ownerId); // now cached
    expect(await inspector.hget(summaryKey(acme.businessId), 'value')).not.toBeNull();

    const stranger = await user();
    const refused = await get(`/v1/businesses/${acme.businessId}/summary`, stranger);
    expect(refused.status).toBe(404);
    const problem = (await refused.json()) as { code: string };
    expect(problem.code).toBe('BUSINESS.NOT_FOUND');
    for (const id of [uuidv7(), 'not-a-uuid']) {
      const unknown = await get(`/v1/businesses/${id}/summary`, stranger);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { code: string }).code).toBe('BUSINESS.NOT_FOUND');
    }
    const unsigned = await fetch(`${running.service.url}/v1/businesses/${acme.businessId}/summary`);
    expect(unsigned.status).toBe(401);

    const viewer = await user();
    await member(acme.businessId, viewer, 'viewer');
    expect((await summaryOf(acme.businessId, viewer)).byStatus).toHaveLength(1);
  });

  it('serves a hit after a miss, and the change once it is invalidated after the commit', async () => {
    const acme = await business();
    await invoice(acme, 'issued', 'EUR', 1_000);
    const before = await cacheRequests();
    const first = await summaryOf(acme.businessId, acme.ownerId);
    await invoice(acme, 'issued', 'EUR', 2_000); // committed, not yet invalidated
    const second = await summaryOf(acme.businessId, acme.ownerId);
    expect(second).toEqual(first); // the same computation, from the cache
    const after = await cacheRequests();
    expect((after['miss'] ?? 0) - (before['miss'] ?? 0)).toBe(1);
    expect((after['hit'] ?? 0) - (before['hit'] ?? 0)).toBe(1);

    const ttl = await inspector.pttl(summaryKey(acme.businessId));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(66_000); // 60 s + 10 % jitter at most

    await running.service.app.get<SummaryCache>(SUMMARY_CACHE).invalidate(acme.businessId);
    const third = await summaryOf(acme.businessId, acme.ownerId);
    expect(third.byStatus).toEqual([
      { status: 'issued', currency: 'EUR', count: 2, total: { amountMinor: 3_000, currency: 'EUR' } },
    ]);
  });

  it('computes 100 concurrent misses of one business once', async () => {
    const acme = await business();
    await invoice(acme, 'paid', 'EUR', 4_200);
    const { state, summaries } = recording(postgresSummaries);
    let release!: () => void;
    state.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = new Promise<void>((resolve) => (state.read = resolve));
    const cache = sharedCache();
    try {
      const summary = useCase(summaries, cache);
      const before = await cacheRequests();
      const answers = Promise.all(
        Array.from({ length: 100 }, () =>
          summary.execute({ actor: { userId: acme.ownerId }, businessId: acme.businessId }),
        ),
      );
      await reading; // the lock holder has read the database and holds on to its result a moment
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      const results = await answers;
      expect(state.calls).toBe(1);
      expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
      expect(results[0]?.byStatus).toEqual([{ status: 'paid', currency: 'EUR', count: 1, totalMinor: 4_200 }]);
      const after = await cacheRequests();
      const delta = (result: string) => (after[result] ?? 0) - (before[result] ?? 0);
      expect(delta('miss')).toBe(1);
      expect(delta('error')).toBe(0);
      expect(delta('hit') + delta('lock_wait')).toBe(99);
      expect(delta('lock_wait')).toBeGreaterThan(0);
      expect(await inspector.exists(summaryLockKey(acme.businessId))).toBe(0); // released
    } finally {
      release();
      await cache.close();
    }
  });

  it('does not cache a summary read before an invalidation that overtook its computation', async () => {
    const acme = await business();
    await invoice(acme, 'issued', 'EUR', 1_000);
    const { state, summaries } = recording(postgresSummaries);
    let release!: () => void;
    state.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = new Promise<void>((resolve) => (state.read = resolve));
    const cache = sharedCache();
    try {
      const slow = cache.getOrCompute(acme.businessId, () => summaries.compute(acme.businessId, utcDate(0)));
      await reading; // it has read the old state
      await invoice(acme, 'issued', 'EUR', 2_000); // a write commits...
      await cache.invalidate(acme.businessId); // ...and invalidates after its commit
      release();
      expect((await slow).byStatus[0]?.count).toBe(1); // the overlapping request may see the old state
      state.hold = undefined;

      const next = await cache.getOrCompute(acme.businessId, () => summaries.compute(acme.businessId, utcDate(0)));
      expect(next.byStatus).toEqual([{ status: 'issued', currency: 'EUR', count: 2, totalMinor: 3_000 }]);
      expect(state.calls).toBe(2); // the old summary was not cached: the next request computed again
      const cached = await cache.getOrCompute(acme.businessId, () => summaries.compute(acme.businessId, utcDate(0)));
      expect(cached).toEqual(next);
      expect(state.calls).toBe(2);
    } finally {
      release();
      await cache.close();
    }
  });

  it('computes itself when the lock holder is gone, after a bounded wait', async () => {
    const acme = await business();
    await invoice(acme, 'draft', 'EUR', 700);
    const client = inspector;
    const cache = sharedCache({ lockWaitMs: 300 });
    try {
      // A holder that took the lock and died: it would only expire after a minute.
      await client.set(summaryLockKey(acme.businessId), 'a dead holder', 'PX', 60_000);
      const { state, summaries } = recording(postgresSummaries);
      const timeoutsBefore = await lockTimeouts();
      const summary = await useCase(summaries, cache).execute({
        actor: { userId: acme.ownerId },
        businessId: acme.businessId,
      });
      expect(summary.byStatus).toEqual([{ status: 'draft', currency: 'EUR', count: 1, totalMinor: 700 }]);
      expect(state.calls).toBe(1);
      expect((await lockTimeouts()) - timeoutsBefore).toBe(1);
      expect(await client.get(summaryLockKey(acme.businessId))).toBe('a dead holder'); // not ours to release
    } finally {
      await cache.close();
    }
  });

  it('without Redis (no REDIS_URL) computes every summary from PostgreSQL', async () => {
    const acme = await business();
    await invoice(acme, 'issued', 'USD', 300);
    const { state, summaries } = recording(postgresSummaries);
    const summary = useCase(summaries, new UncachedSummaries());
    const actor = { userId: acme.ownerId };
    await summary.execute({ actor, businessId: acme.businessId });
    await invoice(acme, 'issued', 'USD', 400);
    const second = await summary.execute({ actor, businessId: acme.businessId });
    expect(second.byStatus).toEqual([{ status: 'issued', currency: 'USD', count: 2, totalMinor: 700 }]);
    expect(state.calls).toBe(2);
    await expect(
      summary.execute({ actor: { userId: await user() }, businessId: acme.businessId }),
    ).rejects.toMatchObject({ code: 'BUSINESS.NOT_FOUND' });
  });

  // Last: it stops this file's Redis.
  it('answers from PostgreSQL, never an error, once Redis is gone', async () => {
    const acme = await business();
    await invoice(acme, 'issued', 'EUR', 1_000);
    await summaryOf(acme.businessId, acme.ownerId); // cached
    await redis.stop();
    await invoice(acme, 'paid', 'EUR', 500);
    await running.service.app.get<SummaryCache>(SUMMARY_CACHE).invalidate(acme.businessId); // never throws
    const before = await cacheRequests();
    for (let i = 0; i < 3; i++) {
      const summary = await summaryOf(acme.businessId, acme.ownerId);
      expect(summary.byStatus.map((entry) => entry.status)).toEqual(['issued', 'paid']);
    }
    const after = await cacheRequests();
    expect((after['error'] ?? 0) - (before['error'] ?? 0)).toBe(3);
  });
});
