import { AUTH_USER_TOPIC_V1 } from '@platform/contracts';
import { eventually, startTestMailpit, testInfra, uniqueName, type TestMailpit } from '@platform/infra/testing';
import { createKafkaClient } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueAddress, userRegistered } from '../support/event-factory.js';
import {
  produceEvents,
  startNotificationService,
  type NotificationServiceUnderTest,
} from '../support/notification-service-under-test.js';

// A Mailpit of this file's own, since these tests stop it and make it refuse recipients.
describe('SMTP failures', () => {
  let mailpit: TestMailpit;
  let running: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    running = await startNotificationService({ SMTP_HOST: mailpit.smtpHost, SMTP_PORT: String(mailpit.smtpPort) });
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('smtp-failures') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await mailpit?.stop();
  });

  const notificationOf = async (eventId: string) =>
    (await db.query(`SELECT status, attempts, last_error FROM notifications WHERE event_id = $1`, [eventId]))
      .rows[0] as { status: string; attempts: number; last_error: string | null } | undefined;

  it('fails a notification the server refuses with 550, without a retry', async () => {
    await mailpit.reject(550);
    const email = uniqueAddress('refused');
    const event = userRegistered(email);
    try {
      await produceEvents(kafka, AUTH_USER_TOPIC_V1, event);
      await eventually(
        'the notification failed',
        async () => (await notificationOf(event.eventId))?.status === 'failed',
      );
    } finally {
      await mailpit.reject(undefined);
    }
    const notification = await notificationOf(event.eventId);
    expect(notification).toMatchObject({ status: 'failed', attempts: 1 });
    expect(notification!.last_error).toMatch(/550/);
    // A later event is delivered (the 550 did not count against SMTP), and the failed one stays failed.
    const next = userRegistered(uniqueAddress('accepted'));
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, next);
    await eventually('the next one sent', async () => (await notificationOf(next.eventId))?.status === 'sent');
    expect(await notificationOf(event.eventId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await mailpit.messagesTo(email)).toEqual([]);
  });

  it('keeps retrying while SMTP is down and delivers once when it is back', async () => {
    const email = uniqueAddress('patient');
    const event = userRegistered(email);
    await mailpit.stop();
    try {
      await produceEvents(kafka, AUTH_USER_TOPIC_V1, event);
      await eventually('two attempts failed', async () => {
        const notification = await notificationOf(event.eventId);
        return notification !== undefined && notification.attempts >= 2 && notification.status === 'retrying';
      });
      expect((await notificationOf(event.eventId))!.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    } finally {
      await mailpit.start();
    }
    await eventually('sent once SMTP is back', async () => (await notificationOf(event.eventId))?.status === 'sent');
    expect(await mailpit.messagesTo(email)).toHaveLength(1);
    const lines = running.logs().filter((line) => line['notificationId'] && line['eventId'] === event.eventId);
    expect(lines.map((line) => line['deliveryStatus'])).toContain('retrying');
    expect(lines.at(-1)).toMatchObject({ deliveryStatus: 'sent', channel: 'email', template: 'welcome' });
    // The recipient is masked in every log line.
    expect(JSON.stringify(lines)).not.toContain(email);
  });
});
