import { createTestTopic, deleteGroup, testInfra, testKafka, uniqueGroupId } from './testing/index.js';
import { describe, expect, it } from 'vitest';
import { startGroupsAtTheEnd } from './kafka-groups.js';

// The consumer groups of a test's own system start where the shared topics end: from the
// beginning, they would replay every earlier test's events (and e-mail them through Mailpit).
describe('startGroupsAtTheEnd', () => {
  it('commits every group at the end of each partition of a topic that already has events', async () => {
    const topic = await createTestTopic('own-system', 2);
    const groups = [uniqueGroupId('own-a'), uniqueGroupId('own-b')];
    const kafka = testKafka();
    const producer = kafka.producer();
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    try {
      await producer.send({
        topic: topic.name,
        messages: [
          { partition: 0, value: 'a' },
          { partition: 0, value: 'b' },
          { partition: 1, value: 'c' },
        ],
      });
      await startGroupsAtTheEnd(testInfra().kafkaBrokers, groups, [topic.name]);
      for (const groupId of groups) {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic.name] });
        expect(committed!.partitions.map(({ partition, offset }) => [partition, offset]).sort()).toEqual([
          [0, '2'],
          [1, '1'],
        ]);
      }
    } finally {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      for (const groupId of groups) await deleteGroup(groupId);
      await topic.delete();
    }
  });

  it('touches only the topics it is given, and skips those that do not exist', async () => {
    const [given, other] = [await createTestTopic('own-given'), await createTestTopic('own-other')];
    const groupId = uniqueGroupId('own-listed');
    const kafka = testKafka();
    const producer = kafka.producer();
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    try {
      for (const topic of [given, other]) await producer.send({ topic: topic.name, messages: [{ value: 'x' }] });
      await startGroupsAtTheEnd(testInfra().kafkaBrokers, [groupId], [given.name, 'no.such.topic.v1']);
      const committed = await admin.fetchOffsets({ groupId, topics: [given.name, other.name] });
      const offsetOf = (name: string) => committed.find((entry) => entry.topic === name)!.partitions[0]!.offset;
      expect(offsetOf(given.name)).toBe('1');
      expect(offsetOf(other.name)).toBe('-1');
    } finally {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      await deleteGroup(groupId);
      await given.delete();
      await other.delete();
    }
  });
});
