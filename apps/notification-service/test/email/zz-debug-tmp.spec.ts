import { AUTH_USER_TOPIC_V1 } from '@platform/contracts';
import { eventually, startTestMailpit, testInfra, uniqueName } from '@platform/infra/testing';
import { createKafkaClient } from '@platform/messaging';
import pg from 'pg';
import { it } from 'vitest';
import { uniqueAddress, userRegistered } from '../support/event-factory.js';
import { produceEvents, startNotificationService } from '../support/notification-service-under-test.js';

it('debug', async () => {
  const mailpit = await startTestMailpit();
  const running = await startNotificationService({ SMTP_HOST: mailpit.smtpHost, SMTP_PORT: String(mailpit.smtpPort) });
  const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('dbg') });
  const db = new pg.Client({ connectionString: running.database.url });
  await db.connect();
  const t0 = Date.now();
  const event = userRegistered(uniqueAddress('dbg'));
  await produceEvents(kafka, AUTH_USER_TOPIC_V1, event);
  console.log('produced', Date.now() - t0);
  await eventually('queued', async () => (await db.query('SELECT 1 FROM notifications WHERE event_id=$1', [event.eventId])).rows.length === 1, 60_000);
  console.log('queued', Date.now() - t0);
  await eventually('sent', async () => (await db.query("SELECT 1 FROM notifications WHERE event_id=$1 AND status='sent'", [event.eventId])).rows.length === 1, 60_000);
  console.log('sent', Date.now() - t0);
  for (const l of running.logs()) if (/Dispatch|dispatch|Consumer|SMTP|Smtp|breaker/i.test(JSON.stringify(l).slice(0, 300))) console.log(JSON.stringify(l).slice(0, 300));
  await db.end(); await running.stop(); await mailpit.stop();
}, 300_000);
