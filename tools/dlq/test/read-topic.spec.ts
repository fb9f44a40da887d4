import { createTestTopic, testKafka, uniqueGroupId, type TestTopic } from '@platform/infra/testing';
import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DlqError } from '../src/errors.js';
import { readDeadLetters } from '../src/read-dead-letters.js';
import { readTopicToEnd } from '../src/read-topic.js';

describe('reading a topic to its end', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const topics: TestTopic[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await admin.connect();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    for (const topic of topics) await topic.delete().catch(() => undefined);
  });

  async function topic(partitions: number): Promise<string> {
    const created = await createTestTopic('dlq_read', partitions);
    topics.push(created);
    return created.name;
  }

  async function groupExists(groupId: string): Promise<boolean> {
    return (await admin.listGroups()).groups.some((group) => group.groupId === groupId);
  }

  it('returns nothing for an empty topic, without joining a group', async () => {
    const name = await topic(2);
    const groupId = uniqueGroupId('dlq_reader');
    const seen: string[] = [];
    const result = await readTopicToEnd(kafka, name, (message) => seen.push(String(message.value)), { groupId });
    expect(result).toEqual({ exists: true, read: 0 });
    expect(seen).toEqual([]);
    expect(await groupExists(groupId)).toBe(false);
  });

  it('stops at the end offsets taken when it began, ignores what arrives meanwhile, and deletes its group', async () => {
    const name = await topic(2);
    const before = Array.from({ length: 6 }, (_, index) => `before-${index}`);
    await producer.send({ topic: name, messages: before.map((value, index) => ({ key: `key-${index}`, value })) });
    const groupId = uniqueGroupId('dlq_reader');
    const seen: string[] = [];
    let producing: Promise<unknown> | undefined;
    const result = await readTopicToEnd(
      kafka,
      name,
      (message) => {
        seen.push(String(message.value));
        // More messages while the read runs: they must not be read, and must not be waited for.
        producing ??= producer.send({
          topic: name,
          messages: Array.from({ length: 4 }, (_, index) => ({ key: `key-${index}`, value: `during-${index}` })),
        });
      },
      { groupId },
    );
    await producing;
    expect(result).toEqual({ exists: true, read: 6 });
    expect(seen.sort()).toEqual(before);
    const ends = await admin.fetchTopicOffsets(name);
    expect(ends.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(10);
    expect(await groupExists(groupId)).toBe(false);
  });

  it('reports a topic that does not exist instead of waiting for it', async () => {
    const name = await topic(1);
    expect(await readTopicToEnd(kafka, `${name}.missing`, () => undefined)).toEqual({ exists: false, read: 0 });
    await expect(readDeadLetters(kafka, name, {})).rejects.toThrow(DlqError);
    await expect(readDeadLetters(kafka, name, {})).rejects.toThrow(`there is no topic ${name}.dlq`);
    await expect(readDeadLetters(kafka, `${name}.dlq`, {})).rejects.toThrow(
      `(--topic takes the original topic: try --topic ${name})`,
    );
  });
});
