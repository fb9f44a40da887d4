import { createTestDatabase, testInfra, uniqueName, type TestDatabase } from '@platform/infra/testing';
import type { Kafka } from 'kafkajs';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { createKafkaClient } from '../kafka/kafka-client.js';
import { messagingMigrations } from '../schema/messaging-schema.migration.js';

/** A migrated database of one test file's own and a Kafka client, for tests of services that use messaging. */
export interface MessagingTestBed {
  database: TestDatabase;
  dataSource: DataSource;
  kafka: Kafka;
  /** Creates a topic and its `.dlq` with the same number of partitions (1 by default). */
  createTopic(name: string, partitions?: number): Promise<{ name: string; dlq: string }>;
  /** Closes the DataSource, drops the database and deletes the topics created. */
  close(): Promise<void>;
}

export interface MessagingTestBedOptions {
  /** Entities of the service under test (synchronized: tests only). */
  entities?: MixedList<string | (new () => unknown) | EntitySchema>;
  /** TypeORM subscribers of the DataSource (`idempotentRequestSubscribers`). */
  subscribers?: MixedList<string | (new () => unknown)>;
  /** Brokers to use instead of the shared test broker (a fault test's own broker). */
  brokers?: string[];
}

/** Creates a database with the messaging tables (and any entities), and a Kafka client. */
export async function createMessagingTestBed(options: MessagingTestBedOptions = {}): Promise<MessagingTestBed> {
  const database = await createTestDatabase('messaging');
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    entities: options.entities ?? [],
    migrations: messagingMigrations,
    subscribers: options.subscribers ?? [],
    synchronize: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    if (options.entities) await dataSource.synchronize();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }
  const kafka = createKafkaClient({
    brokers: options.brokers ?? testInfra().kafkaBrokers,
    clientId: uniqueName('test'),
  });
  const topics: string[] = [];
  return {
    database,
    dataSource,
    kafka,
    async createTopic(name, partitions = 1) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.createTopics({
          topics: [name, `${name}.dlq`].map((topic) => ({ topic, numPartitions: partitions })),
          waitForLeaders: true,
        });
      } finally {
        await admin.disconnect();
      }
      topics.push(name, `${name}.dlq`);
      return { name, dlq: `${name}.dlq` };
    },
    async close() {
      await dataSource.destroy().catch(() => undefined);
      await database.drop();
      if (topics.length === 0) return;
      // Best effort: the names are unique, and a test that left its broker down must still close.
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.deleteTopics({ topics });
      } catch {
        // the topics stay behind
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
  };
}
