import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import { RequestContext } from '@platform/logging';
import pg from 'pg';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { find, parseExposition, valueOf } from '../testing/prometheus-text.js';
import { instrumentPostgres, withoutQueryMetrics } from './postgres-instrumentation.js';

/** Observations so far of `db_query_duration_seconds`, by operation, read from the exposition text. */
async function queryCounts(): Promise<Record<string, number>> {
  const samples = find(parseExposition(await register.metrics()), 'db_query_duration_seconds_count');
  return Object.fromEntries(samples.map((s) => [s.labels['operation']!, s.value]));
}

/** How many more observations each operation has than before. */
async function countsSince(before: Record<string, number>): Promise<Record<string, number>> {
  const now = await queryCounts();
  return Object.fromEntries(
    Object.entries(now)
      .map(([op, n]) => [op, n - (before[op] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );
}

describe('instrumentPostgres', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let pool: pg.Pool;
  let dataSource: DataSource;

  beforeAll(async () => {
    // Twice on purpose: the second call must not wrap again (each query would count twice).
    instrumentPostgres();
    instrumentPostgres();
    database = await createTestDatabase('monitoring_pg');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE TABLE invoice (id int PRIMARY KEY, amount int NOT NULL)');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    dataSource = new DataSource({ type: 'postgres', url: database.url, synchronize: false, entities: [] });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await pool?.end();
    await client?.end();
    await database?.drop();
  });

  it('times a plain pg query once, under its operation', async () => {
    const before = await queryCounts();
    await client.query('INSERT INTO invoice (id, amount) VALUES ($1, $2)', [1, 100]);
    await client.query({ text: 'SELECT amount FROM invoice WHERE id = $1', values: [1] });
    await client.query('UPDATE invoice SET amount = 200 WHERE id = 1');
    expect(await countsSince(before)).toEqual({ insert: 1, select: 1, update: 1 });
  });

  it('times the callback forms and leaves their results alone', async () => {
    const before = await queryCounts();
    const rows = await new Promise<unknown[]>((resolve, reject) =>
      client.query('SELECT 1 AS one', (err, res) => (err ? reject(err) : resolve(res.rows))),
    );
    expect(rows).toEqual([{ one: 1 }]);
    const withValues = await new Promise<unknown[]>((resolve, reject) =>
      client.query('SELECT $1::int AS two', [2], (err, res) => (err ? reject(err) : resolve(res.rows))),
    );
    expect(withValues).toEqual([{ two: 2 }]);
    expect(await countsSince(before)).toEqual({ select: 2 });
  });

  it('times pool queries and TypeORM DataSource queries', async () => {
    const before = await queryCounts();
    expect((await pool.query('SELECT count(*)::int AS n FROM invoice')).rows).toEqual([{ n: 1 }]);
    expect(await dataSource.query('SELECT amount FROM invoice WHERE id = $1', [1])).toEqual([{ amount: 200 }]);
    await dataSource.query('DELETE FROM invoice WHERE id = $1', [99]);
    expect(await countsSince(before)).toEqual({ select: 2, delete: 1 });
  });

  it('times failed queries and passes pg’s error through unchanged', async () => {
    const before = await queryCounts();
    const error = await client.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pg.DatabaseError);
    expect((error as pg.DatabaseError).code).toBe('42P01');
    expect(await countsSince(before)).toEqual({ select: 1 });
  });

  it('adds query time to the request context, in promise and callback form, through TypeORM too', async () => {
    const timings = await RequestContext.run({ correlationId: 'pg-test' }, async () => {
      const start = RequestContext.timings().databaseMs;
      await client.query('SELECT pg_sleep(0.01)');
      const afterPromise = RequestContext.timings().databaseMs;
      await new Promise<void>((resolve, reject) =>
        client.query('SELECT pg_sleep(0.01)', (err) => (err ? reject(err) : resolve())),
      );
      const afterCallback = RequestContext.timings().databaseMs;
      await dataSource.query('SELECT pg_sleep(0.01)');
      const afterTypeorm = RequestContext.timings().databaseMs;
      return { start, afterPromise, afterCallback, afterTypeorm };
    });
    expect(timings.start).toBe(0);
    expect(timings.afterPromise).toBeGreaterThan(timings.start);
    expect(timings.afterCallback).toBeGreaterThan(timings.afterPromise);
    expect(timings.afterTypeorm).toBeGreaterThan(timings.afterCallback);
    // Outside any context nothing accumulates, and nothing fails.
    await client.query('SELECT 1');
    expect(RequestContext.timings().databaseMs).toBe(0);
  });

  it('records the histogram in seconds, consistent with the request context', async () => {
    const sumOf = async () =>
      valueOf(parseExposition(await register.metrics()), 'db_query_duration_seconds_sum', { operation: 'select' }) ?? 0;
    const before = await sumOf();
    const databaseMs = await RequestContext.run({}, async () => {
      await client.query('SELECT pg_sleep(0.02)');
      return RequestContext.timings().databaseMs;
    });
    expect((await sumOf()) - before).toBeCloseTo(databaseMs / 1000, 6);
  });

  it('leaves out queries run by health checks', async () => {
    const before = await queryCounts();
    await withoutQueryMetrics(() => pool.query('SELECT 1'));
    await withoutQueryMetrics(() => dataSource.query('SELECT 1'));
    expect(await countsSince(before)).toEqual({});
  });
});
