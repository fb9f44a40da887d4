import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGatewayClient, type GatewayClient } from '@platform/gateway-client';
import { BUSINESS_INVOICE_TOPIC_V1 } from '@platform/contracts';
import { eventually, testKafka } from '@platform/infra/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, takeBackup, verifyBackup } from '../src/index.js';
import { startDrillSystem, type DrillSystem } from './support/drill-system.js';

// The restore drill: a running platform (gateway, auth-, business- and notification-service, real
// Kafka, PostgreSQL and Mailpit), data made through the gateway with the typed client, a backup by
// the tool, the databases dropped, restored, the services started again on them. The system must
// answer the same, keep working, and apply no event twice.

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const pendingOutbox = async (url: string) =>
  Number(
    (await sql<{ count: string }>(url, 'SELECT count(*) AS count FROM messaging_outbox WHERE published_at IS NULL'))[0]!
      .count,
  );

/** The end offset of each partition of `topic`. */
async function topicEnds(topic: string): Promise<Map<number, number>> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** True once `groupId` has committed at least `ends` on every partition of `topic`. */
async function consumedUpTo(groupId: string, topic: string, ends: Map<number, number>): Promise<boolean> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (
      (committed?.partitions ?? []).every((p) => Number(p.offset) >= (ends.get(p.partition) ?? 0)) &&
      (committed?.partitions.length ?? 0) === ends.size
    );
  } finally {
    await admin.disconnect();
  }
}

describe('restore drill', () => {
  let system: DrillSystem;
  let api: GatewayClient;
  let businessId: string;
  const customers: { id: string; email: string }[] = [];
  const issued: { invoiceId: string; number: string }[] = [];
  const scratch = mkdtempSync(path.join(tmpdir(), 'restore-drill-'));

  beforeAll(async () => {
    system = await startDrillSystem();
  }, 900_000);
  afterAll(async () => {
    await system?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Every invoice e-mail in Mailpit, by subject, for the drill's customers. */
  const invoiceMails = async () =>
    (await Promise.all(customers.map((c) => system.mailpit.messagesTo(c.email))))
      .flat()
      .map((m) => m.Subject)
      .filter((subject) => subject.startsWith('Invoice '))
      .sort();

  /** What a client sees of the business: itself, its customers, its invoices, its notifications. */
  async function whatTheGatewayAnswers() {
    const path = { businessId };
    const [business, customerList, invoices, notifications] = await Promise.all([
      api.GET('/v1/businesses/{businessId}', { params: { path } }),
      api.GET('/v1/businesses/{businessId}/customers', { params: { path } }),
      api.GET('/v1/businesses/{businessId}/invoices', { params: { path } }),
      api.GET('/v1/businesses/{businessId}/notifications', { params: { path } }),
    ]);
    for (const answer of [business, customerList, invoices, notifications]) {
      expect(answer.response.status, JSON.stringify(answer.error)).toBe(200);
    }
    return {
      business: business.data,
      customers: customerList.data,
      invoices: invoices.data,
      notifications: notifications.data!.items.map(({ id, template, status, recipient }) => ({
        id,
        template,
        status,
        recipient,
      })),
    };
  }

  async function issueInvoice(customerId: string, amountMinor: number) {
    const draft = await api.POST('/v1/businesses/{businessId}/invoices', {
      params: { path: { businessId } },
      body: {
        customerId,
        dueDate: '2030-01-31',
        lines: [{ description: 'Drill', quantity: 1, unitAmountMinor: amountMinor, taxRateBps: 0 }],
      },
    });
    expect(draft.response.status, JSON.stringify(draft.error)).toBe(201);
    const done = await api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: {
        path: { businessId, invoiceId: draft.data!.id },
        header: { 'If-Match': draft.response.headers.get('etag')! },
      },
    });
    expect(done.response.status, JSON.stringify(done.error)).toBe(200);
    return { invoiceId: draft.data!.id, number: done.data!.number! };
  }

  it('restores a running system: same answers, numbering goes on, every e-mail exactly once', async () => {
    // Data through the gateway, as a client makes it.
    const anonymous = createGatewayClient({ baseUrl: system.gatewayUrl });
    const email = `drill-${randomBytes(4).toString('hex')}@example.com`;
    const password = `ledger lines ${randomBytes(6).toString('hex')}`;
    const registered = await anonymous.POST('/v1/auth/register', { body: { email, password, displayName: 'Owner' } });
    expect(registered.response.status, JSON.stringify(registered.error)).toBe(201);
    const login = await anonymous.POST('/v1/auth/login', { body: { email, password } });
    const token = login.data!.accessToken;
    api = createGatewayClient({ baseUrl: system.gatewayUrl, accessToken: () => token });
    await eventually(
      'the owner to reach the business directory',
      async () => {
        const { data, error } = await api.POST('/v1/businesses', {
          body: { name: 'Drill GmbH', currency: 'EUR', invoicePrefix: 'DRL' },
        });
        if (error && error.code !== 'BUSINESS.USER_NOT_IN_DIRECTORY') throw new Error(JSON.stringify(error));
        businessId = data?.id ?? '';
        return businessId !== '';
      },
      60_000,
    );
    for (const name of ['Initech', 'Globex']) {
      const customerEmail = `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@customers.example`;
      const created = await api.POST('/v1/businesses/{businessId}/customers', {
        params: { path: { businessId } },
        body: { name, email: customerEmail },
      });
      expect(created.response.status).toBe(201);
      customers.push({ id: created.data!.id, email: customerEmail });
    }
    for (const [index, customer] of [customers[0]!, customers[1]!, customers[0]!].entries()) {
      issued.push(await issueInvoice(customer.id, 10_000 * (index + 1)));
    }
    const expectedMails = issued.map((i) => `Invoice ${i.number} from Drill GmbH`).sort();
    await eventually('the three invoice e-mails', async () => (await invoiceMails()).length >= 3, 60_000);

    // Quiet: every outbox drained and every notification sent, so the backup is the system's whole state.
    await eventually(
      'the outboxes to drain and the notifications to be sent',
      async () => {
        const pending = await Promise.all(system.targets.map((t) => pendingOutbox(t.url)));
        const { notifications } = await whatTheGatewayAnswers();
        return (
          pending.every((count) => count === 0) &&
          notifications.filter((n) => n.template === 'invoice-issued' && n.status === 'sent').length === 3
        );
      },
      60_000,
    );
    const before = await whatTheGatewayAnswers();
    expect(before.invoices!.items.map((i) => [i.number, i.status]).sort()).toEqual(
      issued.map((i) => [i.number, 'issued']).sort(),
    );

    // The backup, taken of the running system.
    const { folder, manifest } = await takeBackup({ targets: system.targets, folder: path.join(scratch, 'backup') });
    expect(manifest.databases.map((d) => d.service)).toEqual([
      'auth-service',
      'business-service',
      'notification-service',
    ]);
    await verifyBackup(folder);

    // Disaster: the services stop (the gateway, which has no database, keeps running) and their databases are gone.
    await system.stopServices();
    for (const target of system.targets) {
      await sql(
        system.targets[0]!.url.replace(/\/[^/]+$/, '/postgres'),
        `DROP DATABASE "${target.database}" WITH (FORCE)`,
      );
    }

    const restored = await restoreBackup({ folder, targets: system.targets });
    expect(restored.map((r) => [r.service, r.differences])).toEqual([
      ['auth-service', []],
      ['business-service', []],
      ['notification-service', []],
    ]);
    // A backup taken under load can hold events that were committed but not yet published when its
    // snapshot was taken, and published (and applied) right after. The drill makes that case on
    // purpose: the restored business database says the three invoice events are still pending.
    const business = system.targets.find((t) => t.service === 'business-service')!;
    await sql(
      business.url,
      `UPDATE messaging_outbox SET published_at = NULL
        WHERE topic = '${BUSINESS_INVOICE_TOPIC_V1}' AND payload LIKE '%"business.invoice.issued"%'`,
    );
    expect(await pendingOutbox(business.url)).toBeGreaterThanOrEqual(3);

    await system.startServices();

    // The same answers.
    expect(await whatTheGatewayAnswers()).toEqual(before);
    // The relay publishes what the restored outbox holds as pending; the notification-service's
    // restored inbox knows those events and drops them: no invoice e-mailed twice.
    await eventually(
      'the restored outbox to be published',
      async () => (await pendingOutbox(business.url)) === 0,
      60_000,
    );
    // Published: the records are below these ends. Once the group has committed past them, the
    // notification-service has seen every one of them again.
    const republishedBelow = await topicEnds(BUSINESS_INVOICE_TOPIC_V1);
    await eventually(
      'the notification-service to consume the re-published events',
      async () => consumedUpTo(system.notificationGroup, BUSINESS_INVOICE_TOPIC_V1, republishedBelow),
      60_000,
    );
    // None was applied twice: a consumer's effects commit with its inbox row, so a second application
    // would be a fourth notification by now; and still three invoice e-mails, one each.
    expect((await whatTheGatewayAnswers()).notifications).toEqual(before.notifications);
    expect(await invoiceMails()).toEqual(expectedMails);

    // The system goes on: a new invoice takes the next number, and its e-mail arrives once.
    const next = await issueInvoice(customers[1]!.id, 99_00);
    const lastNumber = Math.max(...issued.map((i) => Number(/(\d+)$/.exec(i.number)![1])));
    expect(Number(/(\d+)$/.exec(next.number)![1])).toBe(lastNumber + 1);
    expect(issued.map((i) => i.number)).not.toContain(next.number);
    const allMails = [...expectedMails, `Invoice ${next.number} from Drill GmbH`].sort();
    await eventually('the new invoice e-mail', async () => (await invoiceMails()).length >= 4, 60_000);
    expect(await invoiceMails()).toEqual(allMails);
    const after = await whatTheGatewayAnswers();
    expect(after.invoices!.items).toHaveLength(4);
    expect(after.notifications.filter((n) => n.template === 'invoice-issued')).toHaveLength(4);
  }, 1_200_000);
});
