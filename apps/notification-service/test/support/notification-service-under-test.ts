import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import {
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  BUSINESS_PAYMENT_TOPIC_V1,
  type EventEnvelope,
} from '@platform/contracts';
import {
  createTestDatabase,
  eventually,
  startGroupAtTheEnd,
  testInfra,
  uniqueGroupId,
  type TestDatabase,
} from '@platform/infra/testing';
import { Partitioners, type Kafka } from 'kafkajs';
import { notificationServiceOptions } from '../../src/notification-service.js';
import type { NotificationConfig } from '../../src/notification.config.js';

/** The topics the notification-service consumes. */
export const NOTIFICATION_TOPICS = [
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_PAYMENT_TOPIC_V1,
];

/** The notification-service started in-process on free ports, with a database and consumer group of its own. */
export interface NotificationServiceUnderTest {
  service: RunningService<NotificationConfig>;
  database: TestDatabase;
  groupId: string;
  /** Signs unsubscribe tokens in this instance. */
  unsubscribeKey: string;
  /** The gateway's identity-signing key this instance trusts (sign requests with signIdentity). */
  identityKey: string;
  /** Every JSON log line so far. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Starts the service as `main.ts` does, with `env` on top of test settings (SMTP: pass SMTP_HOST
 * and SMTP_PORT of a test Mailpit). Its new consumer group starts at the end of each topic, as a
 * newly deployed consumer would: other test files' events on the shared topics are not its business.
 */
export async function startNotificationService(env: NodeJS.ProcessEnv = {}): Promise<NotificationServiceUnderTest> {
  const database = await createTestDatabase('notification');
  const groupId = uniqueGroupId('notification');
  const unsubscribeKey = randomBytes(32).toString('base64url');
  const identityKey = randomBytes(32).toString('base64url');
  await startGroupAtTheEnd(groupId, NOTIFICATION_TOPICS);
  const lines: Record<string, unknown>[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  let service: RunningService<NotificationConfig>;
  try {
    service = await bootstrapService({
      ...notificationServiceOptions(),
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        KAFKA_CONSUMER_GROUP: groupId,
        UNSUBSCRIBE_SIGNING_KEY: unsubscribeKey,
        IDENTITY_SIGNING_KEY: identityKey,
        WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'),
        PUBLIC_BASE_URL: 'https://api.example.test',
        NOTIFICATION_DISPATCH_INTERVAL_MS: '100',
        NOTIFICATION_RETRY_BASE_DELAY_MS: '200',
        NOTIFICATION_RETRY_MAX_DELAY_MS: '1000',
        SMTP_CONNECTION_TIMEOUT_MS: '2000',
        SMTP_GREETING_TIMEOUT_MS: '2000',
        SMTP_BREAKER_RESET_MS: '500',
        ...env,
      },
      logStream,
      handleSignals: false,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  // Ready means the consumer has joined its group: an event produced after this is not raced by
  // the join, which takes long on a loaded machine.
  await eventually(
    'the notification-service ready',
    async () => (await fetch(`${service.managementUrl}/health/ready`).catch(() => undefined))?.status === 200,
    120_000,
  ).catch(async (error: unknown) => {
    await service.shutdown('not ready');
    await database.drop();
    throw error;
  });
  return {
    service,
    database,
    groupId,
    unsubscribeKey,
    identityKey,
    logs: () => lines,
    async stop() {
      await service.shutdown('test over');
      await database.drop();
    },
  };
}

/** Commits the group's offsets at the end of every topic that exists, before its first member joins. */
/** Publishes envelopes as the services' outbox relays do (key = aggregateId, type and version headers). */
export async function produceEvents(kafka: Kafka, topic: string, ...envelopes: EventEnvelope<object>[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: envelopes.map((envelope) => ({
        key: envelope.aggregateId,
        value: JSON.stringify(envelope),
        headers: { 'event-type': envelope.type, 'event-version': String(envelope.version) },
      })),
    });
  } finally {
    await producer.disconnect();
  }
}
