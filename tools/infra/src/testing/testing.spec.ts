import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  createTestTopic,
  deleteGroup,
  startGroupAtTheEnd,
  testInfra,
  testKafka,
  uniqueGroupId,
} from './index.js';

async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: testInfra().databaseUrl });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  await admin.end();
  return rowCount === 1;
}

describe('test helpers', () => {
  it('give each test its own database, usable at once, dropped even with connections open', async () => {
    const [one, two] = await Promise.all([createTestDatabase('helpers'), createTestDatabase('helpers')]);
    expect(one.name).not.toBe(two.name);
    const client = new pg.Client({ connectionString: one.url });
    client.on('error', () => undefined); // dropping the database ends this connection from the server side
    await client.connect();
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    expect(rows[0]!.db).toBe(one.name);

    await one.drop(); // the client above is still connected
    await two.drop();
    await client.end().catch(() => undefined);
    expect(await databaseExists(one.name)).toBe(false);
    expect(await databaseExists(two.name)).toBe(false);
  });

  it('give each test its own topic, with the partitions asked for, and delete it', async () => {
    const topic = await createTestTopic('helpers', 4);
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic.name] });
      expect(metadata.topics[0]!.partitions).toHaveLength(4);
      await topic.delete();
      expect(await admin.listTopics()).not.toContain(topic.name);
    } finally {
      await admin.disconnect();
    }
  });

  it('start a new consumer group at the end of each topic: what was published before is not its business', async () => {
    const topic = await createTestTopic('group-at-end', 2);
    const groupId = uniqueGroupId('at-end');
    const producer = testKafka().producer();
    const admin = testKafka().admin();
    await Promise.all([producer.connect(), admin.connect()]);
    try {
      await producer.send({
        topic: topic.name,
        messages: ['a', 'b', 'c'].map((value, index) => ({ value, partition: index % 2 })),
      });
      await startGroupAtTheEnd(groupId, [topic.name, 'no.such.topic.v1']);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic.name] });
      const ends = await admin.fetchTopicOffsets(topic.name);
      const byPartition = (list: { partition: number; offset: string }[]) =>
        Object.fromEntries(list.map(({ partition, offset }) => [partition, offset]));
      expect(byPartition(committed!.partitions)).toEqual(
        byPartition(ends.map((end) => ({ ...end, offset: end.high }))),
      );
      expect(byPartition(committed!.partitions)).toEqual({ 0: '2', 1: '1' });
    } finally {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      await deleteGroup(groupId);
      await topic.delete();
    }
  });
});
