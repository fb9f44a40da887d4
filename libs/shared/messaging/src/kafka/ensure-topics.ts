import type { Admin, Kafka } from 'kafkajs';

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
        // kafkajs waits for leaders retrying LEADER_NOT_AVAILABLE only; a KRaft broker first answers
        // UNKNOWN_TOPIC_OR_PARTITION for a new topic, on which kafkajs gives up: wait here instead.
        waitForLeaders: false,
      });
      await leadersOf(admin, missing);
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** How long a newly created topic may take to have a leader for every partition. */
const LEADERS_WAIT_MS = 30_000;

/** Waits until the broker's metadata names every one of `topics` with a leader for each partition. */
async function leadersOf(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_WAIT_MS;
  for (;;) {
    const led = await admin.fetchTopicMetadata({ topics }).then(
      (metadata) => metadata.topics.every((topic) => topic.partitions.every((partition) => partition.leader >= 0)),
      (error: Error) => {
        if (Date.now() > deadline) throw error;
        return false;
      },
    );
    if (led) return;
    if (Date.now() > deadline)
      throw new Error(`topics without leaders after ${LEADERS_WAIT_MS} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
