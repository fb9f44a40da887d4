import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { AUTH_USER_TOPIC_V1 } from '@platform/contracts';
import {
  eventually,
  makeTestCertificates,
  startTestMailpit,
  testInfra,
  uniqueName,
  type TestCertificates,
  type TestMailpit,
} from '@platform/infra/testing';
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

// The whole service with SMTP_REQUIRE_TLS and SMTP_CA_FILE, against a Mailpit of this file's own
// that requires STARTTLS and first presents a certificate from a CA the service does not trust.
describe('e-mail over STARTTLS through the running service', () => {
  let trusted: TestCertificates;
  let untrusted: TestCertificates;
  let mailpit: TestMailpit;
  let running: NotificationServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;
  let mailpitCert: string;
  let mailpitKey: string;

  beforeAll(async () => {
    trusted = await makeTestCertificates({ hosts: ['127.0.0.1'] });
    untrusted = await makeTestCertificates({ hosts: ['127.0.0.1'] });
    // Mailpit reads its certificate when it starts: these files are swapped to fix the server.
    mailpitCert = path.join(untrusted.dir, 'mailpit.pem');
    mailpitKey = path.join(untrusted.dir, 'mailpit.key');
    copyFileSync(untrusted.serverCertFile, mailpitCert);
    copyFileSync(untrusted.serverKeyFile, mailpitKey);
    mailpit = await startTestMailpit({ tls: { certFile: mailpitCert, keyFile: mailpitKey, require: true } });
    running = await startNotificationService({
      SMTP_HOST: mailpit.smtpHost,
      SMTP_PORT: String(mailpit.smtpPort),
      SMTP_REQUIRE_TLS: 'true',
      SMTP_CA_FILE: trusted.caFile,
    });
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('smtp-tls') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await mailpit?.stop();
    trusted?.remove();
    untrusted?.remove();
  });

  const notificationOf = async (eventId: string) =>
    (await db.query(`SELECT status, attempts, last_error FROM notifications WHERE event_id = $1`, [eventId]))
      .rows[0] as { status: string; attempts: number; last_error: string | null } | undefined;

  it('keeps an e-mail in its retries while the server certificate does not verify, and delivers it once it does', async () => {
    const email = uniqueAddress('starttls');
    const event = userRegistered(email);
    await produceEvents(kafka, AUTH_USER_TOPIC_V1, event);
    // Every error seen is kept: after a few certificate failures the smtp circuit breaker opens, and
    // later attempts record "circuit breaker smtp is open" instead.
    const errorsSeen = new Set<string>();
    await eventually(
      'a failed attempt for the certificate, to be retried',
      async () => {
        const notification = await notificationOf(event.eventId);
        if (notification?.last_error) errorsSeen.add(notification.last_error);
        return notification?.status === 'retrying' && [...errorsSeen].some((error) => /certificate/i.test(error));
      },
      60_000,
    );
    expect(await mailpit.messagesTo(email)).toEqual([]);

    // The operator installs a certificate from the CA the service trusts.
    await mailpit.stop();
    copyFileSync(trusted.serverCertFile, mailpitCert);
    copyFileSync(trusted.serverKeyFile, mailpitKey);
    await mailpit.start();

    await eventually('sent over TLS', async () => (await notificationOf(event.eventId))?.status === 'sent', 60_000);
    expect(await mailpit.messagesTo(email)).toHaveLength(1);
  });
});
