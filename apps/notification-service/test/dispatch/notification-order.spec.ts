import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewWebhookDelivery } from '../../src/application/ports/webhook-deliveries.port.js';
import type { NewNotification } from '../../src/domain/notification.js';
import { notificationDataSourceOptions } from '../../src/infrastructure/secondary-adapters/persistence/notification-data-source.js';
import { PostgresClaimableNotifications } from '../../src/infrastructure/secondary-adapters/persistence/postgres-claimable-notifications.js';
import { PostgresNotificationQueue } from '../../src/infrastructure/secondary-adapters/persistence/postgres-notification-queue.js';
import { PostgresWebhookDeliveryQueue } from '../../src/infrastructure/secondary-adapters/persistence/postgres-webhook-delivery-queue.js';
import { PostgresWebhookDeliveryStore } from '../../src/infrastructure/secondary-adapters/persistence/postgres-webhook-delivery-store.js';
import { AesSecretBox } from '../../src/infrastructure/secondary-adapters/webhooks/aes-secret-box.js';

// Found by npm run chaos: each notification retried on its own schedule, so while a receiver (or
// SMTP) failed, an invoice's invoice.paid webhook (its receipt) went out before its invoice.issued
// webhook (its invoice e-mail), whose retry came later. A notification now waits for the earlier
// ones of its event key to the same recipient; other keys and other recipients do not wait.
describe('notifications of one event key go out in order', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let emails: PostgresClaimableNotifications;
  let webhooks: PostgresWebhookDeliveryStore;
  const LEASE_MS = 60_000;
  const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, seconds));

  beforeAll(async () => {
    database = await createTestDatabase('notification_order');
    dataSource = new DataSource({ ...notificationDataSourceOptions(database.url), migrationsRun: true });
    await dataSource.initialize();
    emails = new PostgresClaimableNotifications(dataSource);
    webhooks = new PostgresWebhookDeliveryStore(dataSource, new AesSecretBox(randomBytes(32).toString('base64')));
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function email(
    recipient: string,
    orderKey: string | null,
    occurredAt: Date,
    template = 'invoice-issued',
  ): NewNotification {
    return {
      id: uuidv7(),
      eventId: uuidv7(),
      eventType: `business.${template}`,
      occurredAt,
      channel: 'email',
      template: template as NewNotification['template'],
      category: 'transactional',
      recipient,
      recipientName: null,
      userId: null,
      businessId: null,
      data: {},
      status: 'queued',
      orderKey,
    };
  }

  function delivery(endpointId: string, orderKey: string, occurredAt: Date, type: string): NewWebhookDelivery {
    return {
      id: uuidv7(),
      eventId: uuidv7(),
      eventType: `business.${type}`,
      occurredAt,
      endpointId,
      businessId: uuidv7(),
      message: { type: type as NewWebhookDelivery['message']['type'], timestamp: occurredAt.toISOString(), data: {} },
      orderKey,
    };
  }

  const claimedEmails = async () => (await emails.claim(100, LEASE_MS)).map((claimed) => claimed.id);
  const claimedDeliveries = async () => (await webhooks.claim(100, LEASE_MS)).map((claimed) => claimed.id);

  it('holds an e-mail while an earlier one of its key to the same recipient is queued, retrying or sending', async () => {
    const customer = `c-${uuidv7()}@example.com`;
    const invoice = uuidv7();
    const invoiceEmail = email(customer, invoice, at(1), 'invoice-issued');
    const receipt = email(customer, invoice, at(2), 'invoice-paid');
    const otherInvoice = email(customer, uuidv7(), at(3), 'invoice-issued');
    const otherCustomer = email(`o-${uuidv7()}@example.com`, invoice, at(4), 'invoice-issued');
    const unordered = email(customer, null, at(0), 'welcome');
    // Queued newest first: the order of the events decides, not the order of the rows.
    await dataSource.transaction((manager) =>
      new PostgresNotificationQueue(manager).queue([otherCustomer, otherInvoice, receipt, invoiceEmail, unordered]),
    );

    const first = await claimedEmails();
    expect(first).toEqual(expect.arrayContaining([invoiceEmail.id, otherInvoice.id, otherCustomer.id, unordered.id]));
    expect(first).not.toContain(receipt.id);

    // The invoice e-mail fails and waits for its retry: the receipt still waits for it.
    await emails.markRetrying(invoiceEmail.id, 1, 'smtp down', new Date(Date.now() + 3_600_000));
    expect(await claimedEmails()).not.toContain(receipt.id);

    // Once it is out, the receipt goes.
    await dataSource.query(`UPDATE notifications SET status = 'sent' WHERE id = $1`, [invoiceEmail.id]);
    expect(await claimedEmails()).toEqual([receipt.id]);
  });

  it('lets the later ones go once an earlier one has failed for good', async () => {
    const customer = `f-${uuidv7()}@example.com`;
    const invoice = uuidv7();
    const invoiceEmail = email(customer, invoice, at(1), 'invoice-issued');
    const receipt = email(customer, invoice, at(2), 'invoice-paid');
    await dataSource.transaction((manager) => new PostgresNotificationQueue(manager).queue([invoiceEmail, receipt]));
    expect(await claimedEmails()).toEqual([invoiceEmail.id]);
    await emails.markFailed(invoiceEmail.id, 1, 'mailbox does not exist');
    expect(await claimedEmails()).toEqual([receipt.id]);
  });

  it('holds an invoice.paid webhook until the invoice.issued delivery to that endpoint is done, not other endpoints', async () => {
    const endpoint = uuidv7();
    const otherEndpoint = uuidv7();
    const invoice = uuidv7();
    const issued = delivery(endpoint, invoice, at(1), 'invoice.issued');
    const paid = delivery(endpoint, invoice, at(2), 'invoice.paid');
    const paidElsewhere = delivery(otherEndpoint, invoice, at(2), 'invoice.paid');
    await dataSource.transaction((manager) =>
      new PostgresWebhookDeliveryQueue(manager).queue([paid, paidElsewhere, issued]),
    );

    const first = await claimedDeliveries();
    expect(first).toEqual(expect.arrayContaining([issued.id, paidElsewhere.id]));
    expect(first).not.toContain(paid.id);

    // The receiver answered 503: retrying later. Its lease has not run out, nor its retry come.
    await dataSource.query(
      `UPDATE notifications SET status = 'retrying', next_attempt_at = now() + interval '1 hour', locked_until = NULL
        WHERE id = $1`,
      [issued.id],
    );
    expect(await claimedDeliveries()).not.toContain(paid.id);

    await dataSource.query(`UPDATE notifications SET status = 'sent' WHERE id = $1`, [issued.id]);
    expect(await claimedDeliveries()).toEqual([paid.id]);
  });
});
