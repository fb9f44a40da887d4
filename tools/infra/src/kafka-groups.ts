import { Kafka, logLevel, type Admin } from 'kafkajs';

/**
 * Commits new consumer groups' offsets at the end of each of `topics` that exists, before their
 * first member joins, as a newly deployed consumer's would be: it then reads only what is produced
 * from now on, not every earlier test's events. The topics are named, never "all of them": on a
 * shared broker other tests create and delete topics of their own at any moment, and one deleted
 * between the listing and the seek fails the whole call.
 *
 * One short-lived member per group seeks every partition at once. kafkajs's `admin.setOffsets`
 * does one topic per call and waits out a whole empty fetch (5 s) each time: minutes for a system
 * on a shared broker.
 */
export async function startGroupsAtTheEnd(
  brokers: string[],
  groups: readonly string[],
  topics: readonly string[],
): Promise<void> {
  const kafka = new Kafka({ clientId: 'start-at-the-end', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  let ends: { topic: string; partitions: { partition: number; offset: string }[] }[];
  try {
    ends = await endsOf(admin, topics);
  } finally {
    await admin.disconnect();
  }
  if (ends.length === 0) return;
  for (const groupId of groups) {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: ends.map(({ topic }) => topic), fromBeginning: true });
      // The seeks are committed on the member's first fetch, which returns nothing: all is paused.
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.FETCH, () => void consumer.stop().then(resolve, reject));
        consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
        consumer.pause(ends.map(({ topic }) => ({ topic })));
        for (const { topic, partitions } of ends) {
          for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
        }
      });
    } finally {
      await consumer.disconnect();
    }
  }
}

async function endsOf(admin: Admin, wanted: readonly string[]) {
  const existing = await admin.listTopics();
  const topics = [...new Set(wanted)].filter((topic) => existing.includes(topic));
  return Promise.all(
    topics.map(async (topic) => ({
      topic,
      partitions: (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high })),
    })),
  );
}

/** Deletes consumer groups, e.g. a test's when it is over; groups already gone are no error. */
export async function deleteGroups(brokers: string[], groups: readonly string[]): Promise<void> {
  if (groups.length === 0) return;
  const admin = new Kafka({ clientId: 'delete-groups', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([...groups]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
