import { createTestDatabase, eventually, type TestDatabase } from '@platform/infra/testing';
import { DataSource, type QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationDataSourceOptions } from '../../src/infrastructure/secondary-adapters/persistence/notification-data-source.js';
import { PostgresNotificationQueue } from '../../src/infrastructure/secondary-adapters/persistence/postgres-notification-queue.js';
import { PostgresPersonalRecords } from '../../src/infrastructure/secondary-adapters/persistence/postgres-personal-records.js';
import { PostgresRecipientDirectory } from '../../src/infrastructure/secondary-adapters/persistence/postgres-recipient-directory.js';

// Events about a user on other topics than the erasure's (members, invoices) are applied in
// parallel with it. Under READ COMMITTED the erasure would not see what such a transaction has not
// committed yet; the per-user lock makes it wait, then delete what was written (real PostgreSQL).
describe('an erasure racing a write about the same user', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('notification_erasure_race');
    dataSource = new DataSource({ ...notificationDataSourceOptions(database.url), migrationsRun: true });
    await dataSource.initialize();
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const count = async (sql: string, userId: string) => ((await dataSource.query(sql, [userId])) as unknown[]).length;

  /** A member.added and an owner note for `userId` written in a transaction left open. */
  async function writeInOpenTransaction(userId: string, email: string): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const directory = new PostgresRecipientDirectory(runner.manager);
    expect(await directory.isErased(userId)).toBe(false);
    await directory.saveUser({ userId, email, displayName: 'Rita Race' }, new Date());
    await directory.saveMember({ businessId: uuidv7(), userId, role: 'owner' }, new Date());
    const queued = await new PostgresNotificationQueue(runner.manager).queue([
      {
        id: uuidv7(),
        eventId: uuidv7(),
        eventType: 'business.invoice.paid',
        occurredAt: new Date(),
        channel: 'email',
        template: 'invoice-paid-owner',
        category: 'transactional',
        recipient: email,
        recipientName: 'Rita Race',
        userId,
        businessId: null,
        data: { ownerName: 'Rita Race' },
        status: 'queued',
        orderKey: null,
      },
    ]);
    expect(queued).toHaveLength(1);
    return runner;
  }

  const erase = (userId: string) =>
    dataSource.transaction((manager) => new PostgresPersonalRecords(manager).erase(userId, new Date()));

  it('waits for a write in flight, then deletes what it wrote', async () => {
    const userId = uuidv7();
    const writer = await writeInOpenTransaction(userId, `${userId}@example.com`);
    const erasing = erase(userId);
    // The erasure blocks on the user's lock while the writer's transaction is open.
    await eventually(
      'the erasure waiting for the writer',
      async () =>
        (
          (await dataSource.query(
            `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database =
               (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )) as unknown[]
        ).length === 1,
      60_000,
    );
    await writer.commitTransaction();
    await writer.release();

    // The user, the membership and the owner note.
    expect(await erasing).toBe(3);
    expect(await count(`SELECT 1 FROM known_users WHERE user_id = $1`, userId)).toBe(0);
    expect(await count(`SELECT 1 FROM known_business_members WHERE user_id = $1`, userId)).toBe(0);
    expect(await count(`SELECT 1 FROM notifications WHERE user_id = $1`, userId)).toBe(0);
  });

  it('lets a write that comes after the erasure find the tombstone, and erases only once', async () => {
    const userId = uuidv7();
    expect(await erase(userId)).toBe(0);
    await dataSource.transaction(async (manager) => {
      expect(await new PostgresRecipientDirectory(manager).isErased(userId)).toBe(true);
      const queued = await new PostgresNotificationQueue(manager).queue([
        {
          id: uuidv7(),
          eventId: uuidv7(),
          eventType: 'business.invoice.paid',
          occurredAt: new Date(),
          channel: 'email',
          template: 'invoice-paid-owner',
          category: 'transactional',
          recipient: `${userId}@example.com`,
          recipientName: null,
          userId,
          businessId: null,
          data: {},
          status: 'queued',
          orderKey: null,
        },
      ]);
      // Refused by the tombstone: nothing reaches an erased user.
      expect(queued).toEqual([]);
    });
    expect(await erase(userId)).toBeUndefined();
    expect(await count(`SELECT 1 FROM notifications WHERE user_id = $1`, userId)).toBe(0);
  });
});
