import { Kafka, logLevel, type Admin, type KafkaMessage } from 'kafkajs';
import { deleteGroups, startGroupsAtTheEnd } from '../kafka-groups.js';
import { testInfra } from './environment.js';
import { uniqueName } from './names.js';

/** A kafkajs client for tests, connected to the test broker, quiet unless something fails. */
export function testKafka(clientId = uniqueName('client')): Kafka {
  return new Kafka({ clientId, brokers: testInfra().kafkaBrokers, logLevel: logLevel.ERROR });
}

/** A topic of one test's own (automatic topic creation is off on our broker); `delete()` removes it. */
export interface TestTopic {
  name: string;
  delete(): Promise<void>;
}

async function withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates a uniquely named topic and waits for its partition leaders, so producing works at once. */
export async function createTestTopic(prefix = 'test', partitions = 1): Promise<TestTopic> {
  // Kafka topic names allow dots; our unique names use underscores, which Kafka warns may collide
  // with dots in metric names, so dots become the separator here.
  const name = uniqueName(prefix).replace(/_/g, '.');
  await withAdmin((admin) =>
    admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true }),
  );
  return { name, delete: () => withAdmin((admin) => admin.deleteTopics({ topics: [name] })) };
}

/** A consumer group id no other test or run uses. */
export function uniqueGroupId(prefix = 'group'): string {
  return uniqueName(prefix);
}

/**
 * Sets a new consumer group's offsets to the end of each of `topics` that exists, as a newly
 * deployed consumer's would be: events other tests published before are not its business.
 */
export async function startGroupAtTheEnd(groupId: string, topics: readonly string[]): Promise<void> {
  await startGroupsAtTheEnd(testInfra().kafkaBrokers, [groupId], topics);
}

/** Deletes a test's consumer group; a group already gone is no error. */
export async function deleteGroup(groupId: string): Promise<void> {
  await deleteGroups(testInfra().kafkaBrokers, [groupId]).catch(() => undefined);
}

/** Reads `topic` from the beginning until a message matches; a throwaway group, removed afterwards. */
export async function findMessage(
  topic: string,
  matches: (message: KafkaMessage) => boolean,
  timeoutMs = 30_000,
): Promise<KafkaMessage> {
  const kafka = testKafka(uniqueName('reader'));
  const groupId = uniqueGroupId('reader');
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<KafkaMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message on ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (!matches(message)) return;
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(groupId);
  }
}
