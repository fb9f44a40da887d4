import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BUSINESS_INVOICE_TOPIC_V1, InvoiceIssuedV2Contract, type PayloadOf } from '@platform/contracts';
import type { components, GatewayClient } from '@platform/gateway-client';
import { freePort, infraPaths } from '@platform/infra';
import { eventually, findMessage, startTestMailpit, testKafka, type TestMailpit } from '@platform/infra/testing';
import { createEvent, DeadLetterHeader, deadLetterTopicOf, RELIABLE_PRODUCER } from '@platform/messaging';
import type { KafkaMessage, Producer } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';
import {
  addCustomer,
  createBusiness,
  draftInvoice,
  gatewayClient,
  issueInvoice,
  signUp as signUpThroughGateway,
  type GatewayUser,
} from './support/gateway-actors.js';

type Notification = components['schemas']['NotificationResponse'];
type Delivery = components['schemas']['WebhookDeliveryResponse'];

/** The webhook retry schedule of this file's notification-service: four attempts within a second. */
const WEBHOOK_SCHEDULE_MS = [0, 100, 200, 400];

/**
 * How long to wait for what happens asynchronously (events across Kafka, e-mails and webhooks from
 * the dispatchers): the notification-service also works through what other test files publish on the
 * shared topics meanwhile. A bound, not a wait.
 */
const ASYNC_MS = 90_000;

/** Per test: sign-up, business, and the waits above. */
const TEST_TIMEOUT_MS = 150_000;

/** A webhook as the receiver got it, raw (the signature covers the exact body). */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A customer's webhook receiver on 127.0.0.1: records every request and answers it with the
 * status set for its path (204 unless told otherwise).
 */
async function startReceiver() {
  const received: Received[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses.get(path) ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer: (path: string, status: number) => void statuses.set(path, status),
    at: (path: string) => received.filter((r) => r.path === path),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Verifies a webhook the way a customer would, with the `standardwebhooks` package; throws on a bad signature. */
const verified = (secret: string, webhook: Received) =>
  new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>) as {
    type: string;
    data: Record<string, unknown>;
  };

/** HTML as text: the entities Handlebars writes turned back into characters. */
const htmlText = (html: string) =>
  html.replace(/&(lt|gt|amp|quot|#x([0-9a-f]+)|#(\d+));/gi, (_, name: string, hex?: string, dec?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : { lt: '<', gt: '>', amp: '&', quot: '"' }[name.toLowerCase()]!,
  );

const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

/** The event of a Kafka record, or undefined for a value that is not a JSON envelope. */
function envelopeOf(
  message: KafkaMessage,
): { eventId: string; type: string; payload: Record<string, unknown> } | undefined {
  try {
    return JSON.parse(message.value?.toString() ?? '');
  } catch {
    return undefined;
  }
}

// Fault cases end to end through the gateway: real auth-, business- and notification-service
// processes, real Kafka, PostgreSQL and Redis, e-mail over SMTP to a real Mailpit (stopped for an
// outage), webhooks to a real receiver on loopback, verified with `standardwebhooks`. A second,
// strict notification-service (with its own gateway and auth-service, sharing the first one's
// signing keys, so the same users log in) keeps the production SSRF rule: no loopback allowance.
describe('gateway → notification-service: faults', () => {
  let mailpit: TestMailpit;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let system: E2eSystem;
  let strict: E2eSystem;
  let producer: Producer;
  let keyDir: string;
  const conformance = contractConformance();
  const signUp = (name: string): Promise<GatewayUser> =>
    signUpThroughGateway(system.gatewayUrl, name, { middleware: [conformance] });

  beforeAll(async () => {
    let closedPort: number;
    [mailpit, receiver, closedPort] = await Promise.all([startTestMailpit(), startReceiver(), freePort()]);
    // One set of access-token keys for both auth-services: a token of one is good at both gateways.
    keyDir = mkdtempSync(path.join(infraPaths().root, 'e2e-shared-keys-'));
    const gateway = {
      UPSTREAM_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    };
    const [main, second] = await Promise.allSettled([
      startE2eSystem({
        databasePrefix: 'gateway_notification_faults_e2e',
        auth: { JWT_DEV_KEY_DIR: keyDir },
        business: {},
        notification: {
          SMTP_HOST: mailpit.smtpHost,
          SMTP_PORT: String(mailpit.smtpPort),
          // Short waits by configuration: retries of an e-mail, the SMTP circuit, webhook retries and disabling.
          NOTIFICATION_RETRY_BASE_DELAY_MS: '100',
          NOTIFICATION_RETRY_MAX_DELAY_MS: '400',
          NOTIFICATION_MAX_ATTEMPTS: '100',
          SMTP_BREAKER_RESET_MS: '200',
          WEBHOOK_RETRY_SCHEDULE_MS: WEBHOOK_SCHEDULE_MS.join(','),
          WEBHOOK_DISABLE_AFTER_MS: '250',
          WEBHOOK_DISPATCH_INTERVAL_MS: '50',
          WEBHOOK_TIMEOUT_MS: '2000',
          WEBHOOK_CLAIM_LEASE_MS: '5000',
          // The receiver is on 127.0.0.1: this instance only.
          WEBHOOK_ALLOW_HTTP: 'true',
          WEBHOOK_ALLOW_LOOPBACK: 'true',
        },
        gateway,
      }),
      startE2eSystem({
        databasePrefix: 'gateway_notification_faults_strict_e2e',
        auth: { JWT_DEV_KEY_DIR: keyDir },
        notification: {
          // It hears the same events as the first: its e-mails go to a port nothing listens on, so that
          // none of them reach the Mailpit above (and its SMTP circuit, open, keeps it idle).
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(closedPort),
          // http:// allowed so that the refusals below are the address rule's; WEBHOOK_ALLOW_LOOPBACK stays false.
          WEBHOOK_ALLOW_HTTP: 'true',
        },
        gateway,
      }),
    ]);
    if (main.status === 'fulfilled') system = main.value;
    if (second.status === 'fulfilled') strict = second.value;
    for (const started of [main, second]) if (started.status === 'rejected') throw started.reason;
    producer = testKafka().producer(RELIABLE_PRODUCER);
    await producer.connect();
    // Seven service processes on two cores: a bound generous enough for a loaded machine.
  }, 300_000);

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all([system?.stop(), strict?.stop()]);
    await Promise.all([mailpit?.stop(), receiver?.stop()]);
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  /** The business's e-mail notifications of `template`, as the owner lists them through the gateway. */
  async function emails(owner: GatewayUser, businessId: string, template: string): Promise<Notification[]> {
    const { data } = await owner.api.GET('/v1/businesses/{businessId}/notifications', {
      params: { path: { businessId }, query: { channel: 'email', limit: 100 } },
    });
    return (data?.items ?? []).filter((n) => n.template === template);
  }

  /**
   * Registers a webhook endpoint through `api`; the first answer other than the 404 of a business the
   * notification-service has not heard of yet (it learns members from business.business.created).
   */
  async function registerEndpoint(
    api: GatewayClient,
    businessId: string,
    url: string,
    events: ('invoice.issued' | 'invoice.voided')[],
  ) {
    let answer: Awaited<ReturnType<typeof register>> | undefined;
    const register = () =>
      api.POST('/v1/businesses/{businessId}/webhook-endpoints', {
        params: { path: { businessId } },
        body: { url, events, description: 'e2e receiver' },
      });
    await eventually(
      'the notification-service to know the business',
      async () => {
        answer = await register();
        return answer.error?.code !== 'BUSINESS.NOT_FOUND';
      },
      ASYNC_MS,
    );
    return answer!;
  }

  async function deliveries(owner: GatewayUser, businessId: string, endpointId: string): Promise<Delivery[]> {
    const { data } = await owner.api.GET('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries', {
      params: { path: { businessId, endpointId }, query: { limit: 100 } },
    });
    return data?.items ?? [];
  }

  it(
    'escapes hostile customer and business names in the HTML part and keeps them as text in the plain part',
    async () => {
      const owner = await signUp('escaper');
      const businessName = '<img src=x onerror=alert(2)> & "Sons"';
      const businessId = await createBusiness(owner, 'XSS', businessName);
      const customers = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'].map((name) => ({
        name,
        email: `hostile-${randomBytes(4).toString('hex')}@globex.example`,
      }));
      const numbers: string[] = [];
      for (const customer of customers) {
        const customerId = await addCustomer(owner, businessId, customer);
        numbers.push((await issueInvoice(owner, await draftInvoice(owner, businessId, customerId))).number);
      }

      for (const [i, customer] of customers.entries()) {
        await eventually(
          `the invoice e-mail to ${customer.name}`,
          async () => (await mailpit.messagesTo(customer.email)).length > 0,
          ASYNC_MS,
        );
        const [summary, ...more] = await mailpit.messagesTo(customer.email);
        expect(more).toEqual([]);
        expect(summary!.Subject).toBe(`Invoice ${numbers[i]} from ${businessName}`);
        const message = await mailpit.message(summary!.ID);
        // HTML: no markup from the names, only their escaped text.
        expect(message.HTML).not.toMatch(/<script/i);
        expect(message.HTML).not.toMatch(/<img/i);
        expect(message.HTML).toContain('&lt;');
        expect(htmlText(message.HTML)).toContain(`Dear ${customer.name},`);
        expect(htmlText(message.HTML)).toContain(`from ${businessName} below`);
        // Plain text: the names as they were typed.
        expect(message.Text).toContain(`Dear ${customer.name},`);
        expect(message.Text).toContain(`from ${businessName} below`);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps an invoice e-mail retrying while SMTP is down and sends it exactly once when it is back',
    async () => {
      const owner = await signUp('patient');
      const businessId = await createBusiness(owner, 'SMTP');
      const customerEmail = `outage-${randomBytes(4).toString('hex')}@globex.example`;
      const customerId = await addCustomer(owner, businessId, { name: 'Initech', email: customerEmail });
      const draft = await draftInvoice(owner, businessId, customerId);

      await mailpit.stop();
      try {
        await issueInvoice(owner, draft);
        // The state seen is asserted, not a second read: the dispatcher may have claimed the row for
        // its next attempt in between (status 'sending').
        let retrying: Notification | undefined;
        await eventually(
          'the invoice e-mail to be retrying after failed attempts',
          async () => {
            const [invoice] = await emails(owner, businessId, 'invoice-issued');
            if (invoice?.status !== 'retrying' || invoice.attempts < 2) return false;
            retrying = invoice;
            return true;
          },
          ASYNC_MS,
        );
        expect(retrying).toMatchObject({ status: 'retrying', sentAt: null });
        expect(retrying!.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
      } finally {
        await mailpit.start();
      }

      await eventually(
        'the invoice e-mail to be sent once SMTP is back',
        async () => (await emails(owner, businessId, 'invoice-issued'))[0]?.status === 'sent',
        ASYNC_MS,
      );
      const [sent, ...others] = await emails(owner, businessId, 'invoice-issued');
      expect(others).toEqual([]);
      expect(sent).toMatchObject({ status: 'sent', lastError: null, sentAt: expect.any(String) });
      expect(sent!.attempts).toBeGreaterThanOrEqual(3);
      expect(await mailpit.messagesTo(customerEmail)).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'retries a webhook endpoint that answers 500 on the schedule, then disables it and e-mails the owner',
    async () => {
      const owner = await signUp('hooked');
      const businessId = await createBusiness(owner, 'HOOK');
      receiver.answer('/failing', 500);
      const registered = await registerEndpoint(owner.api, businessId, receiver.url('/failing'), ['invoice.issued']);
      expect(registered.response.status).toBe(201);
      const { id: endpointId, secret } = registered.data!;
      const customerId = await addCustomer(owner, businessId, {
        name: 'Hooli',
        email: `hooks-${randomBytes(4).toString('hex')}@globex.example`,
      });
      const { invoiceId } = await issueInvoice(owner, await draftInvoice(owner, businessId, customerId));

      const endpointPath = { path: { businessId, endpointId } };
      await eventually(
        'the endpoint to be disabled',
        async () =>
          (await owner.api.GET('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}', { params: endpointPath }))
            .data?.enabled === false,
        ASYNC_MS,
      );
      const endpoint = await owner.api.GET('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}', {
        params: endpointPath,
      });
      expect(endpoint.data).toMatchObject({
        enabled: false,
        disabledReason: 'failing',
        disabledAt: expect.any(String),
      });
      await eventually(
        'the delivery to end failed',
        async () => (await deliveries(owner, businessId, endpointId))[0]?.status === 'failed',
      );

      const [delivery, ...moreDeliveries] = await deliveries(owner, businessId, endpointId);
      expect(moreDeliveries).toEqual([]);
      expect(delivery).toMatchObject({ status: 'failed', eventType: 'invoice.issued', deliveredAt: null });
      expect(delivery!.attempts).toBeGreaterThanOrEqual(2);
      // Every attempt is listed (newest first), each a 500, each planned after the one before as the schedule says.
      expect(delivery!.attemptLog.map((a) => a.attempt)).toEqual(
        Array.from({ length: delivery!.attempts }, (_, i) => delivery!.attempts - i),
      );
      for (const attempt of delivery!.attemptLog) {
        expect(attempt).toMatchObject({ outcome: 'http_error', responseStatus: 500 });
        if (attempt.nextAttemptAt !== null) {
          expect(Date.parse(attempt.nextAttemptAt) - Date.parse(attempt.attemptedAt)).toBe(
            WEBHOOK_SCHEDULE_MS[attempt.attempt],
          );
        }
      }
      // The receiver got each attempt, the same signed message each time.
      const received = receiver.at('/failing');
      expect(received).toHaveLength(delivery!.attempts);
      for (const webhook of received) {
        expect(webhook.headers['webhook-id']).toBe(delivery!.eventId);
        expect(verified(secret, webhook)).toMatchObject({ type: 'invoice.issued', data: { invoiceId, businessId } });
      }

      await eventually(
        'the owner to be e-mailed about the disabled endpoint',
        async () =>
          (await mailpit.messagesTo(owner.email)).some((m) => m.Subject === 'A webhook endpoint was disabled'),
        ASYNC_MS,
      );
      const notice = (await mailpit.messagesTo(owner.email)).filter(
        (m) => m.Subject === 'A webhook endpoint was disabled',
      );
      expect(notice).toHaveLength(1);
      expect((await mailpit.message(notice[0]!.ID)).Text).toContain(receiver.url('/failing'));
      await eventually('the notice listed as sent to the owner', async () => {
        const { data } = await owner.api.GET('/v1/me/notifications');
        return data?.items.some((n) => n.template === 'webhook-endpoint-disabled' && n.status === 'sent') === true;
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses endpoints on loopback and on the metadata address (422) where the loopback allowance is off',
    async () => {
      const owner = await signUp('guarded');
      const businessId = await createBusiness(owner, 'SSRF');
      // The same user at the strict gateway; its notification-service learns the business from Kafka.
      const strictApi = gatewayClient(strict.gatewayUrl, owner.accessToken, [conformance]);
      await eventually(
        'the strict notification-service to know the business',
        async () =>
          (await strictApi.GET('/v1/businesses/{businessId}/webhook-endpoints', { params: { path: { businessId } } }))
            .response.status === 200,
        ASYNC_MS,
      );

      const loopback = receiver.url('/ssrf');
      for (const [url, addressClass] of [
        [loopback, 'loopback'],
        ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ] as const) {
        const refused = await registerEndpoint(strictApi, businessId, url, ['invoice.issued']);
        expect(refused.response.status, url).toBe(422);
        expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
        expect(refused.error).toMatchObject({ code: 'WEBHOOK.URL_NOT_PUBLIC' });
        expect(refused.error!.detail).toContain(addressClass);
      }
      const listed = await strictApi.GET('/v1/businesses/{businessId}/webhook-endpoints', {
        params: { path: { businessId } },
      });
      expect(listed.data!.items).toEqual([]);

      // The allowance of the first instance covers loopback only: the metadata address is refused there too.
      const metadata = await registerEndpoint(owner.api, businessId, 'http://169.254.169.254/latest/meta-data/', [
        'invoice.issued',
      ]);
      expect(metadata.response.status).toBe(422);
      expect(metadata.error).toMatchObject({ code: 'WEBHOOK.URL_NOT_PUBLIC' });
      // The control: the same loopback URL is accepted where the allowance is on, so the refusal above is the rule's.
      const allowed = await registerEndpoint(owner.api, businessId, loopback, ['invoice.issued']);
      expect(allowed.response.status).toBe(201);
      const removed = await owner.api.DELETE('/v1/businesses/{businessId}/webhook-endpoints/{endpointId}', {
        params: { path: { businessId, endpointId: allowed.data!.id } },
      });
      expect(removed.response.status).toBe(204);
      expect(receiver.at('/ssrf')).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sends one e-mail and one webhook for a business.invoice.issued record published twice',
    async () => {
      const owner = await signUp('twice');
      const businessId = await createBusiness(owner, 'DUP');
      const registered = await registerEndpoint(owner.api, businessId, receiver.url('/duplicates'), [
        'invoice.issued',
        'invoice.voided',
      ]);
      expect(registered.response.status).toBe(201);
      const { id: endpointId, secret } = registered.data!;
      const customerEmail = `twice-${randomBytes(4).toString('hex')}@globex.example`;
      const customerId = await addCustomer(owner, businessId, { name: 'Umbrella', email: customerEmail });
      const issued = await issueInvoice(owner, await draftInvoice(owner, businessId, customerId));
      await eventually(
        'the invoice e-mail',
        async () => (await mailpit.messagesTo(customerEmail)).length === 1,
        ASYNC_MS,
      );
      await eventually('the invoice webhook', () => receiver.at('/duplicates').length === 1, ASYNC_MS);

      // The record the business-service published, produced again as it was (same key, value, headers).
      const original = await findMessage(
        BUSINESS_INVOICE_TOPIC_V1,
        (message) => {
          const event = envelopeOf(message);
          return event?.type === 'business.invoice.issued' && event.payload?.['invoiceId'] === issued.invoiceId;
        },
        ASYNC_MS,
      );
      const eventId = envelopeOf(original)!.eventId;
      await producer.send({
        topic: BUSINESS_INVOICE_TOPIC_V1,
        messages: [{ key: original.key, value: original.value, headers: original.headers }],
      });
      // The invoice's next event has the same key, so it is consumed after the copy: once its webhook
      // is in, the copy has been handled.
      const voided = await owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/void', {
        params: { path: { businessId, invoiceId: issued.invoiceId }, header: { 'If-Match': issued.etag } },
        body: { reason: 'Sent twice' },
      });
      expect(voided.response.status).toBe(200);
      await eventually(
        'the voided webhook, after the copy',
        () => receiver.at('/duplicates').some((w) => verified(secret, w).type === 'invoice.voided'),
        ASYNC_MS,
      );

      const issuedWebhooks = receiver.at('/duplicates').filter((w) => verified(secret, w).type === 'invoice.issued');
      expect(issuedWebhooks.map((w) => w.headers['webhook-id'])).toEqual([eventId]);
      const listed = await deliveries(owner, businessId, endpointId);
      expect(listed.filter((d) => d.eventType === 'invoice.issued')).toEqual([
        expect.objectContaining({ eventId, status: 'sent', attempts: 1 }),
      ]);
      expect(await mailpit.messagesTo(customerEmail)).toHaveLength(1);
      expect(await emails(owner, businessId, 'invoice-issued')).toEqual([
        expect.objectContaining({ status: 'sent', attempts: 1 }),
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'dead-letters an event that breaks its contract, with the reason, and goes on with the next one',
    async () => {
      const owner = await signUp('poisoned');
      const businessId = await createBusiness(owner, 'DLQ');
      const customerEmail = `poison-${randomBytes(4).toString('hex')}@globex.example`;
      const customerId = await addCustomer(owner, businessId, { name: 'Soylent', email: customerEmail });
      const draft = await draftInvoice(owner, businessId, customerId);

      // A v2 envelope whose payload lacks the number, the names, the lines and the totals; keyed by the
      // invoice, so the invoice's real issued event comes after it on the same partition.
      const poison = createEvent(InvoiceIssuedV2Contract, 'business-service', {
        aggregateId: draft.invoiceId,
        payload: { invoiceId: draft.invoiceId, businessId, customerEmail } as unknown as PayloadOf<
          typeof InvoiceIssuedV2Contract
        >,
      });
      await producer.send({
        topic: BUSINESS_INVOICE_TOPIC_V1,
        messages: [{ key: draft.invoiceId, value: JSON.stringify(poison), headers: { 'event-type': poison.type } }],
      });
      const { number } = await issueInvoice(owner, draft);

      await eventually(
        'the valid invoice e-mail after the poison',
        async () =>
          (await mailpit.messagesTo(customerEmail)).some((m) => m.Subject === `Invoice ${number} from DLQ GmbH`),
        ASYNC_MS,
      );
      expect(await mailpit.messagesTo(customerEmail)).toHaveLength(1);
      expect(await emails(owner, businessId, 'invoice-issued')).toEqual([expect.objectContaining({ status: 'sent' })]);

      // Dead-lettered by this system's notification-service (other consumer groups may dead-letter their copy too).
      const dead = await findMessage(
        deadLetterTopicOf(BUSINESS_INVOICE_TOPIC_V1),
        (message) =>
          envelopeOf(message)?.eventId === poison.eventId &&
          header(message, DeadLetterHeader.consumerGroup) === system.notificationConsumerGroup,
        ASYNC_MS,
      );
      expect(dead.value!.toString()).toBe(JSON.stringify(poison));
      expect(dead.key!.toString()).toBe(draft.invoiceId);
      expect(header(dead, DeadLetterHeader.reason)).toBe('malformed');
      expect(header(dead, DeadLetterHeader.originalTopic)).toBe(BUSINESS_INVOICE_TOPIC_V1);
      expect(header(dead, DeadLetterHeader.errorClass)).toBe('MalformedEventError');
      expect(header(dead, DeadLetterHeader.errorMessage)).toContain('the payload breaks business.invoice.issued v2');
      expect(header(dead, DeadLetterHeader.attempts)).toBe('0');
      expect(header(dead, 'event-type')).toBe('business.invoice.issued');
    },
    TEST_TIMEOUT_MS,
  );
});
