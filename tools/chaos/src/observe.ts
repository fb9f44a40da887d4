import { Kafka, logLevel, type Admin } from 'kafkajs';
import pg from 'pg';
import { SERVICE_DATABASES, type ChaosSystem } from './chaos-system.js';
import type { Ledger } from './ledger.js';
import type { MailArchive } from './mail-archive.js';
import type { Observations } from './observations.js';
import type { WebhookReceiver } from './receivers.js';

/** Runs `work` with a client of database `url`. */
export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows in each service's outbox not published yet. */
export async function outboxRows(system: ChaosSystem): Promise<{ service: string; rows: number }[]> {
  const rows: { service: string; rows: number }[] = [];
  for (const service of Object.keys(SERVICE_DATABASES) as (keyof typeof SERVICE_DATABASES)[]) {
    const found = await withDatabase(system.databases[service], (client) =>
      // Published rows stay until the relay's clean-up: only unpublished ones are left behind.
      client.query<{ n: string }>('SELECT count(*) AS n FROM messaging_outbox WHERE published_at IS NULL'),
    );
    rows.push({ service, rows: Number(found.rows[0]!.n) });
  }
  return rows;
}

/** A Kafka client of the run's own broker. */
export function chaosKafka(system: ChaosSystem): Kafka {
  return new Kafka({ clientId: 'chaos-observer', brokers: system.kafka.brokers, logLevel: logLevel.NOTHING });
}

/** How far every consumer group is behind the ends of the partitions it has committed offsets on. */
export async function consumerLag(admin: Admin): Promise<number> {
  let lag = 0;
  const { groups } = await admin.listGroups();
  for (const { groupId } of groups) {
    if (groupId.startsWith('chaos-')) continue;
    for (const topic of await admin.fetchOffsets({ groupId })) {
      const ends = new Map(
        (await admin.fetchTopicOffsets(topic.topic)).map((partition) => [partition.partition, Number(partition.high)]),
      );
      for (const partition of topic.partitions) {
        const committed = Number(partition.offset);
        if (committed >= 0) lag += Math.max(0, (ends.get(partition.partition) ?? 0) - committed);
      }
    }
  }
  return lag;
}

/** Every record of `topic` from the beginning, in partition order. */
async function readTopic(kafka: Kafka, admin: Admin, topic: string) {
  const ends = await admin.fetchTopicOffsets(topic);
  const remaining = new Map(
    ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
  );
  const records: { partition: number; key: string; value: string; headers: Record<string, string> }[] = [];
  if (remaining.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `chaos-reader-${topic}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} took over 60 s`)), 60_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString() ?? '']),
          );
          records.push({
            partition,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers,
          });
          if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** Reads what the checks need from the databases, Kafka, Mailpit, the receivers and the sandbox. */
export async function observe(
  system: ChaosSystem,
  ledger: Ledger,
  mail: MailArchive,
  receivers: WebhookReceiver[],
): Promise<Observations> {
  const users = await withDatabase(
    system.databases['auth-service'],
    async (client) =>
      (await client.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email IS NOT NULL')).rows,
  );
  const business = await withDatabase(system.databases['business-service'], async (client) => ({
    businesses: (await client.query<{ id: string }>('SELECT id FROM businesses')).rows,
    customers: (await client.query<{ id: string }>('SELECT id FROM customers')).rows,
    invoices: (
      await client.query<{
        id: string;
        business_id: string;
        status: string;
        number: string | null;
        total_minor: string;
        email: string;
      }>(
        'SELECT i.id, i.business_id, i.status, i.number, i.total_minor, c.email FROM invoices i JOIN customers c ON c.id = i.customer_id',
      )
    ).rows.map((row) => ({
      id: row.id,
      businessId: row.business_id,
      status: row.status,
      number: row.number,
      totalMinor: Number(row.total_minor),
      customerEmail: row.email,
    })),
    payments: (
      await client.query<{
        id: string;
        invoice_id: string;
        status: string;
        amount_minor: string;
        provider_payment_id: string | null;
      }>('SELECT id, invoice_id, status, amount_minor, provider_payment_id FROM payments')
    ).rows.map((row) => ({
      id: row.id,
      invoiceId: row.invoice_id,
      status: row.status,
      amountMinor: Number(row.amount_minor),
      providerPaymentId: row.provider_payment_id,
    })),
  }));
  const providerPayments = (await (await fetch(`${system.sandboxUrl}/admin/payments`)).json()) as {
    id: string;
    status: string;
    reference: string;
  }[];
  await mail.collect();

  const kafka = chaosKafka(system);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
    // The run's own poisoned records are no events of the system: they count only as dead letters.
    const poisonedKeys = new Set(ledger.poisoned.map((poisoned) => `${poisoned.topic} ${poisoned.key}`));
    const deadLetters: Observations['deadLetters'] = [];
    const eventIds = new Set<string>();
    let invoiceEvents: Observations['invoiceEvents'] = [];
    for (const topic of topics) {
      if (topic.endsWith('.dlq')) {
        for (const record of await readTopic(kafka, admin, topic))
          deadLetters.push({ topic, key: record.key, reason: record.headers['dlq-reason'] ?? 'unknown' });
        continue;
      }
      const records = (await readTopic(kafka, admin, topic)).filter(
        (record) => !poisonedKeys.has(`${topic} ${record.key}`),
      );
      const envelopes = records.map((record) => ({ ...record, envelope: parse(record.value) }));
      for (const { envelope } of envelopes) if (envelope?.eventId) eventIds.add(envelope.eventId);
      if (topic === 'business.invoice.v1') {
        invoiceEvents = envelopes.flatMap(({ partition, key, envelope }) =>
          envelope
            ? [{ partition, key: envelope.aggregateId ?? key, eventId: envelope.eventId, type: envelope.type }]
            : [],
        );
      }
    }
    return {
      ledger,
      users,
      ...business,
      providerPayments,
      outboxRows: await outboxRows(system),
      emails: mail.emails(),
      webhooks: receivers.flatMap((receiver) => receiver.received()),
      badSignatures: receivers.reduce((sum, receiver) => sum + receiver.badSignatures(), 0),
      invoiceEvents,
      eventCount: eventIds.size,
      deadLetters,
    };
  } finally {
    await admin.disconnect();
  }
}

function parse(value: string): { eventId: string; type: string; aggregateId?: string } | undefined {
  try {
    return JSON.parse(value) as { eventId: string; type: string; aggregateId?: string };
  } catch {
    return undefined;
  }
}
