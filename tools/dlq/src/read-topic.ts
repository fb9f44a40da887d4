import type { Kafka, KafkaMessage } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { DlqError } from './errors.js';

export interface ReadTopicOptions {
  /** The throwaway consumer group; a new `dlq-reader-<uuid>` by default. Deleted afterwards. */
  groupId?: string;
  /** Give up when no batch arrived for this long while partitions are still short of their end; default 30 s. */
  idleTimeoutMs?: number;
}

export interface ReadTopicResult {
  /** False when the topic does not exist (nothing was read). */
  exists: boolean;
  /** Messages handed to `onMessage`. */
  read: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * Reads `topic` from the beginning of every partition up to the end offsets it had when the read
 * began, hands each message to `onMessage`, and returns; messages produced meanwhile are not read
 * and nothing waits for new ones (an empty topic returns without joining a group).
 *
 * kafkajs reads only through a consumer group, so the read uses a group of its own that commits
 * nothing and is deleted afterwards.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  onMessage: (message: KafkaMessage, partition: number) => void,
  options: ReadTopicOptions = {},
): Promise<ReadTopicResult> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return { exists: false, read: 0 };
    // The end of a partition is its high watermark: the offset the next message will get.
    const remaining = new Map<number, bigint>();
    for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) remaining.set(partition, BigInt(high));
    }
    if (remaining.size === 0) return { exists: true, read: 0 };
    const groupId = options.groupId ?? `dlq-reader-${uuidv7()}`;
    try {
      const read = await consumeUntil(
        kafka,
        topic,
        groupId,
        remaining,
        onMessage,
        options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      );
      return { exists: true, read };
    } finally {
      // Best effort: an empty group without offsets is harmless, and the broker expires it anyway.
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}

async function consumeUntil(
  kafka: Kafka,
  topic: string,
  groupId: string,
  remaining: Map<number, bigint>,
  onMessage: (message: KafkaMessage, partition: number) => void,
  idleTimeoutMs: number,
): Promise<number> {
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
  });
  let read = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const stall = () => {
        const behind = [...remaining]
          .map(([partition, end]) => `partition ${partition} (end offset ${end})`)
          .join(', ');
        reject(new DlqError(`reading ${topic} stalled: nothing arrived for ${idleTimeoutMs / 1000} s from ${behind}`));
      };
      const armIdleTimer = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(stall, idleTimeoutMs);
      };
      armIdleTimer();
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = remaining.get(batch.partition);
            if (end === undefined) return;
            armIdleTimer();
            for (const message of batch.messages) {
              if (BigInt(message.offset) >= end) break;
              onMessage(message, batch.partition);
              read += 1;
            }
            if (BigInt(batch.lastOffset()) >= end - 1n) {
              remaining.delete(batch.partition);
              consumer.pause([{ topic, partitions: [batch.partition] }]);
              if (remaining.size === 0) resolve();
            }
          },
        })
        .catch(reject);
    });
    return read;
  } finally {
    clearTimeout(idleTimer);
    // Disconnecting leaves the group, so the group is empty and can be deleted.
    await consumer.disconnect();
  }
}
