import { loadConfig } from '@platform/bootstrap';
import { DomainError } from '@platform/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsWebhookTargetResolver } from '../../src/infrastructure/secondary-adapters/webhooks/dns-webhook-target-resolver.js';
import { HttpWebhookSender } from '../../src/infrastructure/secondary-adapters/webhooks/http-webhook-sender.js';
import { NotificationConfig } from '../../src/notification.config.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

// The SSRF guard the registration route and every send use, without the test allowance.
describe('webhook SSRF guard (no loopback allowance)', () => {
  const strict = new DnsWebhookTargetResolver({ allowHttp: false, allowLoopback: false });
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://localhost/hook',
    'https://[::1]/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/',
    'https://0.0.0.0/',
    'https://224.0.0.1/',
  ])('refuses %s as not public', async (url) => {
    expect(await codeOf(strict.resolve(url))).toBe('WEBHOOK.URL_NOT_PUBLIC');
  });

  it('refuses http outside development, URLs with credentials, and hosts that do not resolve', async () => {
    expect(await codeOf(strict.resolve('http://93.184.216.34/hook'))).toBe('WEBHOOK.URL_NOT_HTTPS');
    expect(await codeOf(strict.resolve('https://user:pw@93.184.216.34/'))).toBe('WEBHOOK.INVALID_URL');
    expect(await codeOf(strict.resolve('not a url'))).toBe('WEBHOOK.INVALID_URL');
    expect(await codeOf(strict.resolve('https://no-such-host.invalid/'))).toBe('WEBHOOK.URL_UNRESOLVABLE');
  });

  it('accepts a public address, resolved to the address it will connect to', async () => {
    const target = await strict.resolve('https://93.184.216.34:8443/hook');
    expect(target).toMatchObject({ address: '93.184.216.34', family: 4 });
  });

  it('checks again at send time: a loopback URL is blocked and never connected to', async () => {
    const sender = new HttpWebhookSender(new DnsWebhookTargetResolver({ allowHttp: true, allowLoopback: false }), {
      timeoutMs: 2000,
      responseBodyLimitBytes: 4096,
    });
    const response = await sender.send({ url: receiver.url('/ssrf'), headers: {}, body: '{}' });
    expect(response.failure).toBe('blocked');
    expect(response.error).toContain('WEBHOOK.URL_NOT_PUBLIC');
    expect(receiver.at('/ssrf')).toHaveLength(0);
  });

  it('connects to the checked address with the allowance, caps the body and follows no redirect', async () => {
    receiver.answer('/big', () => ({
      status: 301,
      headers: { location: receiver.url('/elsewhere') },
      body: 'y'.repeat(9000),
    }));
    const sender = new HttpWebhookSender(new DnsWebhookTargetResolver({ allowHttp: true, allowLoopback: true }), {
      timeoutMs: 2000,
      responseBodyLimitBytes: 100,
    });
    const response = await sender.send({ url: receiver.url('/big'), headers: {}, body: '{}' });
    expect(response).toMatchObject({ status: 301 });
    expect(response.body).toHaveLength(100);
    expect(receiver.at('/elsewhere')).toHaveLength(0);
  });

  it('refuses the test allowances when NODE_ENV=production', () => {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://n@127.0.0.1/n',
      KAFKA_BROKERS: '127.0.0.1:9092',
      UNSUBSCRIBE_SIGNING_KEY: 'k'.repeat(40),
      IDENTITY_SIGNING_KEY: 'i'.repeat(43),
      WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
    };
    expect(() => loadConfig(NotificationConfig, env)).not.toThrow();
    expect(() => loadConfig(NotificationConfig, { ...env, WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow(
      /WEBHOOK_ALLOW_LOOPBACK must not be true when NODE_ENV=production/,
    );
    expect(() => loadConfig(NotificationConfig, { ...env, WEBHOOK_ALLOW_HTTP: 'true' })).toThrow(/WEBHOOK_ALLOW_HTTP/);
  });
});
