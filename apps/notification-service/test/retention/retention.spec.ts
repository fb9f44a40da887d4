import { JobRunner } from '@platform/jobs';
import { OutboxRelay } from '@platform/messaging';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../support/notification-service-under-test.js';

const DAY = 86_400_000;

/** `retention_rows_deleted_total{table}` as the management port's /metrics shows it (0 before the first). */
async function rowsDeleted(service: NotificationServiceUnderTest, table: string): Promise<number> {
  const text = await (await fetch(`${service.service.managementUrl}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`retention_rows_deleted_total{table="${table}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

// The service's wired retention rules (README "Retention"), run through its own JobRunner.
describe('retention rules of the notification-service', () => {
  let notification: NotificationServiceUnderTest;
  let db: pg.Client;
  let runner: JobRunner;
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

  async function insertNotification(label: string, status: string, ageDays: number, channel = 'email') {
    const id = uuidv7();
    await db.query(
      `INSERT INTO notifications (id, event_id, event_type, occurred_at, channel, template, category, recipient,
                                  data, status, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, 'test.event', $3, $5, 'test', 'transactional', $4, '{}', $6, $7, $3, $3)`,
      // An unfinished row's next attempt is tomorrow: the dispatcher leaves it alone during the test.
      [id, uuidv7(), daysAgo(ageDays), `${label}@example.test`, channel, status, daysAgo(-1)],
    );
    return id;
  }

  beforeAll(async () => {
    notification = await startNotificationService({
      JOBS_ENABLED: 'false',
      RETENTION_NOTIFICATIONS_DAYS: '40',
      RETENTION_WEBHOOK_ATTEMPTS_DAYS: '10',
    });
    db = new pg.Client({ connectionString: notification.database.url });
    await db.connect();
    runner = notification.service.app.get(JobRunner);
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await notification?.stop();
  });

  it('deletes finished notifications older than the setting and keeps recent and unfinished ones', async () => {
    await insertNotification('old-sent', 'sent', 41);
    await insertNotification('old-failed', 'failed', 100);
    await insertNotification('old-suppressed', 'suppressed', 41);
    await insertNotification('old-retrying', 'retrying', 41);
    await insertNotification('recent-sent', 'sent', 39);
    const before = await rowsDeleted(notification, 'notifications');

    const { done } = await runner.trigger('retention-notifications');

    expect(await done).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 3 });
    // Only this test's rows: the service also records notifications of other test files' events.
    const { rows } = await db.query(
      `SELECT recipient FROM notifications WHERE recipient LIKE '%@example.test' ORDER BY recipient`,
    );
    expect(rows).toEqual([{ recipient: 'old-retrying@example.test' }, { recipient: 'recent-sent@example.test' }]);
    expect(await rowsDeleted(notification, 'notifications')).toBe(before + 3);
  });

  it('deletes webhook attempts older than the setting and keeps the recent ones', async () => {
    const endpointId = uuidv7();
    await db.query(
      `INSERT INTO webhook_endpoints (id, business_id, url, events, enabled, secret_sealed, created_at, updated_at)
       VALUES ($1, $2, 'https://hooks.example.test/in', '{}', true, 'sealed', now(), now())`,
      [endpointId, uuidv7()],
    );
    const delivery = await insertNotification('webhook', 'sending', 1, 'webhook');
    for (const [attempt, ageDays] of [
      [1, 12],
      [2, 11],
      [3, 9],
    ] as const) {
      await db.query(
        `INSERT INTO webhook_attempts (id, notification_id, endpoint_id, attempt, attempted_at, outcome, latency_ms)
         VALUES ($1, $2, $3, $4, $5, 'failed', 10)`,
        [uuidv7(), delivery, endpointId, attempt, daysAgo(ageDays)],
      );
    }

    const { done } = await runner.trigger('retention-webhook-attempts');

    expect(await done).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 2 });
    const { rows } = await db.query(`SELECT attempt FROM webhook_attempts`);
    expect(rows).toEqual([{ attempt: 3 }]);
    expect(await rowsDeleted(notification, 'webhook_attempts')).toBeGreaterThanOrEqual(2);
  });

  it('counts the published outbox rows the relay deletes in the same metric (its pruning as before)', async () => {
    await db.query(
      `INSERT INTO messaging_outbox (event_id, topic, key, headers, payload, created_at, published_at)
       VALUES ($1, 'retention.test', 'k', '{}', '{}', $2, $2)`,
      [uuidv7(), daysAgo(8)],
    );
    const before = await rowsDeleted(notification, 'messaging_outbox');

    expect(await notification.service.app.get(OutboxRelay).deletePublished()).toBeGreaterThanOrEqual(1);

    expect(await rowsDeleted(notification, 'messaging_outbox')).toBeGreaterThanOrEqual(before + 1);
  });

  it('refuses to keep notifications for less than the inbox remembers events', async () => {
    await expect(startNotificationService({ RETENTION_NOTIFICATIONS_DAYS: '7' })).rejects.toThrow(
      /RETENTION_NOTIFICATIONS_DAYS/,
    );
  });
});
