import 'reflect-metadata';
import { Controller, Get, Inject, Module } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import pg from 'pg';
import { Column, DataSource, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '@platform/logging/testing';
import { startApp, type RunningApp } from '../../test/nest-app.js';
import type { ProblemDetails } from './problem-details.js';

@Entity({ name: 'customers' })
class Customer {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text', unique: true }) email!: string;
}

@Entity({ name: 'orders' })
class Order {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) customerId!: number;
  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'customerId' }) customer?: Customer;
}

const DATA_SOURCE = Symbol('DataSource');
const DATABASE_URL = Symbol('DatabaseUrl');

/** Two connections of their own, to make transactions collide. */
async function withTwoClients<T>(url: string, work: (a: pg.Client, b: pg.Client) => Promise<T>): Promise<T> {
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await Promise.all([a.connect(), b.connect()]);
  try {
    return await work(a, b);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

@Controller('db')
class DatabaseController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  @Get('duplicate')
  async duplicate(): Promise<void> {
    await this.dataSource.getRepository(Customer).insert({ email: 'ada@example.com' });
  }

  @Get('missing-parent')
  async missingParent(): Promise<void> {
    await this.dataSource.getRepository(Order).insert({ customerId: 999_999 });
  }

  @Get('parent-in-use')
  async parentInUse(): Promise<void> {
    const customer = await this.dataSource.getRepository(Customer).save({ email: `in-use-${Date.now()}@example.com` });
    await this.dataSource.getRepository(Order).insert({ customerId: customer.id });
    await this.dataSource.getRepository(Customer).delete({ id: customer.id });
  }

  @Get('not-found')
  async notFound(): Promise<Customer> {
    return this.dataSource.getRepository(Customer).findOneByOrFail({ email: 'nobody@example.com' });
  }

  @Get('serialization')
  async serialization(): Promise<void> {
    await withTwoClients(this.url, async (a, b) => {
      await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        await a.query('SELECT value FROM counters WHERE id = 1');
        await b.query('UPDATE counters SET value = value + 1 WHERE id = 1');
        await a.query('UPDATE counters SET value = value + 1 WHERE id = 1');
      } finally {
        await a.query('ROLLBACK');
      }
    });
  }

  @Get('deadlock')
  async deadlock(): Promise<void> {
    await withTwoClients(this.url, async (a, b) => {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('UPDATE counters SET value = value + 1 WHERE id = 1');
      await b.query('UPDATE counters SET value = value + 1 WHERE id = 2');
      const outcomes = await Promise.allSettled([
        a.query('UPDATE counters SET value = value + 1 WHERE id = 2'),
        b.query('UPDATE counters SET value = value + 1 WHERE id = 1'),
      ]);
      await Promise.all([a.query('ROLLBACK'), b.query('ROLLBACK')]);
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      throw failed ? failed.reason : new Error('expected a deadlock');
    });
  }

  @Get('statement-timeout')
  async statementTimeout(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL statement_timeout = '20ms'");
      await manager.query('SELECT pg_sleep(5)');
    });
  }

  @Get('connection-lost')
  async connectionLost(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => undefined); // the terminated connection reports once more, asynchronously
    await client.connect();
    try {
      await client.query('SELECT pg_terminate_backend(pg_backend_pid())');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

describe('database errors as Problem Details (real PostgreSQL, TypeORM and pg)', () => {
  const logs = captureLogs({ level: 'debug' });
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningApp;

  beforeAll(async () => {
    database = await createTestDatabase('validation_db_errors');
    // synchronize is fine here: a throwaway database per test file.
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      entities: [Customer, Order],
      synchronize: true,
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, value int NOT NULL)');
    await dataSource.query('INSERT INTO counters VALUES (1, 0), (2, 0)');
    await dataSource.getRepository(Customer).insert({ email: 'ada@example.com' });

    @Module({
      controllers: [DatabaseController],
      providers: [
        { provide: DATA_SOURCE, useValue: dataSource },
        { provide: DATABASE_URL, useValue: database.url },
      ],
    })
    class DatabaseModule {}
    running = await startApp(DatabaseModule);
  });

  afterAll(async () => {
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  async function problem(path: string): Promise<{ status: number; body: ProblemDetails }> {
    logs.clear();
    const response = await fetch(`${running.url}/db/${path}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return { status: response.status, body: (await response.json()) as ProblemDetails };
  }

  function filterLine(): Record<string, unknown> | undefined {
    return logs.records().find((record) => record.context === 'ProblemDetailsFilter');
  }

  it('answers a unique violation (23505) with 409, naming neither the value nor the constraint', async () => {
    const { status, body } = await problem('duplicate');
    expect(status).toBe(409);
    expect(body).toMatchObject({
      title: 'Conflict',
      status: 409,
      code: 'RESOURCE.ALREADY_EXISTS',
      detail: 'A resource with the same unique value already exists.',
      instance: '/db/duplicate',
    });
    expect(body).not.toHaveProperty('retryable');
    expect(JSON.stringify(body)).not.toMatch(/ada@|customers|UQ_/);
    expect(filterLine()).toMatchObject({
      level: 'warn',
      sqlState: '23505',
      table: 'customers',
      constraint: expect.stringMatching(/^UQ_/),
    });
  });

  it('answers a foreign-key violation (23503) with 409, for a missing parent and for remaining children', async () => {
    for (const path of ['missing-parent', 'parent-in-use']) {
      const { status, body } = await problem(path);
      expect(status).toBe(409);
      expect(body).toMatchObject({ status: 409, code: 'RESOURCE.REFERENCE_CONFLICT', title: 'Conflict' });
      expect(filterLine()).toMatchObject({ sqlState: '23503', table: 'orders' });
    }
  });

  it("answers TypeORM's EntityNotFoundError with 404, without the search criteria", async () => {
    const { status, body } = await problem('not-found');
    expect(status).toBe(404);
    expect(body).toMatchObject({
      code: 'RESOURCE.NOT_FOUND',
      title: 'Not found',
      detail: 'The requested resource was not found.',
    });
    expect(JSON.stringify(body)).not.toContain('nobody@');
  });

  it('answers a serialization failure (40001) with 409 marked retryable', async () => {
    const { status, body } = await problem('serialization');
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'RESOURCE.CONCURRENT_UPDATE', retryable: true });
    expect(filterLine()).toMatchObject({ sqlState: '40001' });
  });

  it('answers a deadlock (40P01) with 409 marked retryable', async () => {
    const { status, body } = await problem('deadlock');
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'RESOURCE.CONCURRENT_UPDATE', retryable: true });
    expect(filterLine()).toMatchObject({ sqlState: '40P01' });
  });

  it('answers a statement timeout (57014) with 504', async () => {
    const { status, body } = await problem('statement-timeout');
    expect(status).toBe(504);
    expect(body).toMatchObject({ code: 'DATABASE.TIMEOUT', retryable: true });
    expect(filterLine()).toMatchObject({ level: 'error', sqlState: '57014' });
  });

  it('answers a lost connection (57P01) with 503 and Retry-After', async () => {
    const response = await fetch(`${running.url}/db/connection-lost`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ code: 'DATABASE.UNAVAILABLE', retryable: true });
  });
});
