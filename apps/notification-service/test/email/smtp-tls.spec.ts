import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@platform/bootstrap';
import {
  eventually,
  makeTestCertificates,
  startTestMailpit,
  type TestCertificates,
  type TestMailpit,
} from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../src/application/ports/email-sender.port.js';
import { DeliveryFailure } from '../../src/domain/delivery-failure.js';
import { SmtpEmailSender } from '../../src/infrastructure/secondary-adapters/smtp/smtp-email-sender.js';
import { NotificationConfig } from '../../src/notification.config.js';
import { smtpSettings } from '../../src/notification.providers.js';

const required = {
  DATABASE_URL: 'postgres://n@127.0.0.1/n',
  KAFKA_BROKERS: '127.0.0.1:9092',
  UNSUBSCRIBE_SIGNING_KEY: 'k'.repeat(40),
  IDENTITY_SIGNING_KEY: 'i'.repeat(43),
  WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
};

let certificates: TestCertificates;
let mailpit: TestMailpit;

beforeAll(async () => {
  certificates = await makeTestCertificates({ hosts: ['127.0.0.1'] });
  // This file's own Mailpit: it refuses every command but EHLO, NOOP, QUIT and STARTTLS before STARTTLS.
  mailpit = await startTestMailpit({
    tls: { certFile: certificates.serverCertFile, keyFile: certificates.serverKeyFile, require: true },
  });
}, 120_000);

afterAll(async () => {
  await mailpit?.stop();
  certificates?.remove();
});

/** The sender as the service builds it from these settings. */
function senderWith(env: Record<string, string>, smtpPort = mailpit.smtpPort): SmtpEmailSender {
  const config = loadConfig(NotificationConfig, {
    ...required,
    SMTP_HOST: mailpit.smtpHost,
    SMTP_PORT: String(smtpPort),
    SMTP_CONNECTION_TIMEOUT_MS: '3000',
    ...env,
  });
  return new SmtpEmailSender(smtpSettings(config));
}

function email(to: string): OutgoingEmail {
  return {
    messageId: `<${randomUUID()}@tls.test>`,
    to: { address: to, name: null },
    subject: 'Over STARTTLS',
    html: '<p>hello</p>',
    text: 'hello',
    headers: {},
  };
}

async function sendWith(env: Record<string, string>, to: string, smtpPort?: number): Promise<unknown> {
  const sender = senderWith(env, smtpPort);
  try {
    await sender.send(email(to));
    return undefined;
  } catch (error) {
    return error;
  } finally {
    sender.close();
  }
}

describe('SMTP over STARTTLS (SMTP_REQUIRE_TLS, SMTP_CA_FILE)', () => {
  it('delivers through a server that requires STARTTLS, checked against the CA file', async () => {
    const to = `tls-${randomUUID()}@example.com`;
    expect(await sendWith({ SMTP_REQUIRE_TLS: 'true', SMTP_CA_FILE: certificates.caFile }, to)).toBeUndefined();
    await eventually('the e-mail arrived', async () => (await mailpit.messagesTo(to)).length === 1);
  });

  it('does not send when another CA signed the server: a transient failure, retried, nothing arrives', async () => {
    const to = `tls-other-ca-${randomUUID()}@example.com`;
    const failure = await sendWith({ SMTP_REQUIRE_TLS: 'true', SMTP_CA_FILE: certificates.otherCaFile }, to);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toMatchObject({ kind: 'transient' });
    expect((failure as Error).message).toMatch(/certificate/i);
    expect(await mailpit.messagesTo(to)).toEqual([]);
  });

  it('does not send in clear to a server that offers no STARTTLS', async () => {
    const plain = await startTestMailpit();
    try {
      const to = `tls-plain-${randomUUID()}@example.com`;
      const failure = await sendWith(
        { SMTP_REQUIRE_TLS: 'true', SMTP_CA_FILE: certificates.caFile },
        to,
        plain.smtpPort,
      );
      expect(failure).toMatchObject({ kind: 'transient' });
      expect((failure as Error).message).toMatch(/^ETLS: 5\d\d/);
      expect(await plain.messagesTo(to)).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it('stops at start-up on contradictory or unusable TLS settings, and keeps the old ones working', () => {
    expect(() =>
      loadConfig(NotificationConfig, { ...required, SMTP_REQUIRE_TLS: 'true', SMTP_SECURE: 'true' }),
    ).toThrow(/SMTP_REQUIRE_TLS .* and SMTP_SECURE .* exclude each other/);
    expect(() => loadConfig(NotificationConfig, { ...required, SMTP_CA_FILE: certificates.caFile })).toThrow(
      'SMTP_CA_FILE needs SMTP_REQUIRE_TLS=true or SMTP_SECURE=true',
    );
    expect(() =>
      loadConfig(NotificationConfig, {
        ...required,
        SMTP_REQUIRE_TLS: 'true',
        SMTP_CA_FILE: `${certificates.dir}/missing.pem`,
      }),
    ).toThrow(/SMTP_CA_FILE must name a readable PEM file: cannot read .*missing\.pem/);
    expect(loadConfig(NotificationConfig, { ...required, SMTP_SECURE: 'true' })).toMatchObject({
      SMTP_SECURE: true,
      SMTP_REQUIRE_TLS: false,
    });
  });
});
