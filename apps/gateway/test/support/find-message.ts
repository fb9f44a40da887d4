import { testInfra, uniqueGroupId } from '@platform/infra/testing';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

/** Reads `topic` from the beginning until a message matches; a throwaway group, removed afterwards. */
export async function findMessage(topic: string, matches: (message: KafkaMessage) => boolean): Promise<KafkaMessage> {
  const kafka = new Kafka({ clientId: 'e2e-reader', brokers: testInfra().kafkaBrokers, logLevel: logLevel.NOTHING });
  const groupId = uniqueGroupId('e2e');
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<KafkaMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message on ${topic}`)), 30_000);
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
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
