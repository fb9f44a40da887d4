import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import {
  CircuitOpenError,
  DomainError,
  InvalidUpstreamResponseError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '@platform/validation';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../test/http-servers.js';
import { isTransientError, isTransientStatus } from './transient-errors.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('isTransientError', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('resilience_transient');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)');
    await client.query('INSERT INTO accounts VALUES (1, 0)');
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('retries a refused connection (fetch hides it in the cause)', async () => {
    const error = await rejection(fetch(`${await closedPort()}/`));
    expect(isTransientError(error)).toBe(true);
  });

  it('retries PostgreSQL serialization failures and lost connections, not constraint violations', async () => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query('SELECT balance FROM accounts WHERE id = 1');
      await other.query('UPDATE accounts SET balance = balance + 1 WHERE id = 1');
      const serialization = await rejection(client.query('UPDATE accounts SET balance = balance + 1 WHERE id = 1'));
      await client.query('ROLLBACK');
      expect(serialization).toMatchObject({ code: '40001' });
      expect(isTransientError(serialization)).toBe(true);

      const duplicate = await rejection(client.query('INSERT INTO accounts VALUES (1, 0)'));
      expect(duplicate).toMatchObject({ code: '23505' });
      expect(isTransientError(duplicate)).toBe(false);

      other.on('error', () => undefined);
      const terminated = await rejection(other.query('SELECT pg_terminate_backend(pg_backend_pid())'));
      expect(terminated).toMatchObject({ code: '57P01' });
      expect(isTransientError(terminated)).toBe(true);
    } finally {
      await other.end().catch(() => undefined);
    }
  });

  it('retries the typed timeouts and unavailable upstreams, nothing else of the catalogue', () => {
    expect(isTransientError(new UpstreamTimeoutError('payments', 100))).toBe(true);
    expect(isTransientError(new UpstreamUnavailableError('payments', '503', { upstreamStatus: 503 }))).toBe(true);
    expect(isTransientError(new CircuitOpenError('payments', 3))).toBe(false);
    expect(isTransientError(new UpstreamRejectedError('payments', 404))).toBe(false);
    expect(isTransientError(new InvalidUpstreamResponseError('payments', []))).toBe(false);
    expect(isTransientError(new DomainError('X.Y', 'conflict', 'no'))).toBe(false);
  });

  it("retries timeouts but not the caller's abort", () => {
    expect(isTransientError(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isTransientError(new DOMException('aborted', 'AbortError'))).toBe(false);
  });

  it('retries 429 and 5xx, except 501 and 505', () => {
    expect([408, 429, 500, 501, 502, 503, 504, 505].filter(isTransientStatus)).toEqual([429, 500, 502, 503, 504]);
    expect(isTransientError(Object.assign(new Error('busy'), { statusCode: 503 }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('bad'), { status: 400 }))).toBe(false);
  });
});
