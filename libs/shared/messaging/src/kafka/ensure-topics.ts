import type { Kafka } from 'kafkajs';

/** Partitions of a topic this library creates: enough for a few consumers to share the load. */
export const DEFAULT_TOPIC_PARTITIONS = 3;

/**
 * Creates those of `topics` that do not exist yet (each with `partitionsOf(topic)` partitions) and
 * waits for their leaders; returns the names it created. For local runs and tests, where topics
 * are not provisioned by deployment; a broker that refuses (ACLs) makes it throw.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  partitionsOf: (topic: string) => number = () => DEFAULT_TOPIC_PARTITIONS,
): Promise<string[]> {
  if (topics.length === 0) return [];
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: partitionsOf(topic) })),
        waitForLeaders: true,
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
