import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { Outbox, OutboxRelay } from '../src/index.js';
import { testBedPerFile } from './support/test-bed.js';
import { readMessages } from './support/kafka.js';

// The relay marks rows published in its claim, before the send, and commits after Kafka's
// acknowledgement. A relay that dies between the two must leave the rows pending: the commit is
// made to fail here (a deferred trigger refuses it), which PostgreSQL treats as a crash would,
// by rolling the transaction back.
describe('a relay whose commit fails after the send', () => {
  const { contracts, bed } = testBedPerFile();

  beforeAll(async () => {
    await bed().dataSource.query(`CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`);
  });

  it('leaves the rows pending and publishes them again (at least once)', async () => {
    const outbox = new Outbox(bed().dataSource, { source: 'test-service', contracts: contracts.registry });
    const relay = new OutboxRelay({ kafka: bed().kafka, dataSource: bed().dataSource });
    const aggregateId = uuidv7();
    const events = await outbox.transaction(async (tx) => [
      await tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'a', sequence: 0 } }),
      await tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'b', sequence: 1 } }),
    ]);
    await bed().dataSource.query(`CREATE CONSTRAINT TRIGGER refuse_publish_commit AFTER UPDATE ON messaging_outbox
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.published_at IS NOT NULL) EXECUTE FUNCTION refuse_commit()`);
    try {
      await expect(relay.publishPending()).rejects.toThrow(/commit refused by the test/);
      // Sent, but not recorded: the rows are as they were before the claim.
      expect(await readMessages(bed().kafka, contracts.topic, 2)).toHaveLength(2);
      const pending = await bed().dataSource.query(
        `SELECT event_id, attempts FROM messaging_outbox WHERE published_at IS NULL ORDER BY id`,
      );
      expect(pending).toEqual(events.map((event) => ({ event_id: event.eventId, attempts: 0 })));

      await bed().dataSource.query(`DROP TRIGGER refuse_publish_commit ON messaging_outbox`);
      expect(await relay.publishPending()).toBe(2);
      const sent = await readMessages(bed().kafka, contracts.topic, 4);
      const eventIds = sent.map((message) => (JSON.parse(message.value!.toString()) as { eventId: string }).eventId);
      expect(eventIds).toEqual([...events, ...events].map((event) => event.eventId));
      const [row] = await bed().dataSource.query(
        `SELECT count(*)::int AS pending FROM messaging_outbox WHERE published_at IS NULL`,
      );
      expect(row.pending).toBe(0);
    } finally {
      await bed().dataSource.query(`DROP TRIGGER IF EXISTS refuse_publish_commit ON messaging_outbox`);
      await relay.stop();
    }
  });
});
