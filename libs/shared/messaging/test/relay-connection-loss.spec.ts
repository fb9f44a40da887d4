import { eventually } from '@platform/infra/testing';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { Outbox, OutboxRelay } from '../src/index.js';
import { testBedPerFile } from './support/test-bed.js';

// The running relay holds a connection of its own between batches; when the database ends it,
// the relay must take a fresh one rather than fail on the dead one for ever.
describe('a running relay whose connection the database ends', () => {
  const { contracts, bed } = testBedPerFile();

  const isPublished = async (eventId: string) => {
    const [row] = await bed().dataSource.query(`SELECT published_at FROM messaging_outbox WHERE event_id = $1`, [
      eventId,
    ]);
    return row?.published_at !== null && row?.published_at !== undefined;
  };
  const publishOne = (outbox: Outbox, text: string) =>
    outbox.transaction((tx) =>
      tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text, sequence: 0 } }),
    );

  it('goes on publishing on a fresh connection', async () => {
    const outbox = new Outbox(bed().dataSource, { source: 'test-service', contracts: contracts.registry });
    const relay = new OutboxRelay({
      kafka: bed().kafka,
      dataSource: bed().dataSource,
      pollIntervalMs: 50,
      backoff: { baseDelayMs: 10, maxDelayMs: 50 },
    });
    await relay.start();
    try {
      const first = await publishOne(outbox, 'before');
      await eventually('the first event published', () => isPublished(first.eventId), 30_000);
      // Every other connection to the test database, the relay's held one among them.
      const [{ ended }] = await bed().dataSource.query(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      expect(ended).toBeGreaterThan(0);
      const second = await publishOne(outbox, 'after');
      await eventually('the second event published', () => isPublished(second.eventId), 30_000);
      expect(relay.status().publishedEvents).toBe(2);
    } finally {
      await relay.stop();
    }
  });
});
