import { uniqueGroupId } from '@platform/infra/testing';
import type { EventEnvelope } from '@platform/contracts';
import { Partitioners, type IHeaders, type Kafka, type KafkaMessage } from 'kafkajs';

/** Produces messages as-is (no outbox), e.g. a duplicate delivery or a malformed value. */
export async function produceRaw(
  kafka: Kafka,
  topic: string,
  messages: { key: string; value: string; headers?: IHeaders }[],
): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, messages, acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

/** Produces envelopes keyed by aggregate, with the headers the outbox would give them. */
export async function produceEnvelopes(kafka: Kafka, topic: string, envelopes: EventEnvelope<object>[]): Promise<void> {
  await produceRaw(
    kafka,
    topic,
    envelopes.map((envelope) => ({
      key: envelope.aggregateId,
      value: JSON.stringify(envelope),
      headers: {
        'event-type': envelope.type,
        'event-version': String(envelope.version),
        'content-type': 'application/json',
      },
    })),
  );
}

/** Reads `count` messages of `topic` from the beginning with a throwaway group; fails after `timeoutMs`. */
export async function readMessages(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 30_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueGroupId('reader') });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} of ${count} messages of ${topic} in time`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          messages.push(message);
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Headers of a kafkajs message as text. */
export function textHeaders(message: KafkaMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
}
