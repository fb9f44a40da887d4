import { eventually } from '@platform/infra/testing';
import { ValidationFailedError } from '@platform/validation';
import { v7 as uuidv7 } from 'uuid';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Outbox, OutboxRelay } from '../src/index.js';
import { testBedPerFile } from './support/test-bed.js';

// The relays here poll once a minute: only a wake-up can get a row published within the test.
const NEVER_POLLS = 60_000;

describe('relay wake-up and clean-up', () => {
  const { contracts, bed } = testBedPerFile();

  const isPublished = async (eventId: string) => {
    const [row] = await bed().dataSource.query(`SELECT published_at FROM messaging_outbox WHERE event_id = $1`, [
      eventId,
    ]);
    return row?.published_at !== null && row?.published_at !== undefined;
  };

  it('wakes on a commit of its own process', async () => {
    const outbox = new Outbox(bed().dataSource, { source: 'test-service', contracts: contracts.registry });
    const relay = new OutboxRelay({ kafka: bed().kafka, dataSource: bed().dataSource, pollIntervalMs: NEVER_POLLS });
    await relay.start();
    try {
      // Let the relay's first look at the empty table pass, so it is asleep when the row commits.
      await eventually('the relay idle', async () => relay.status().publishedEvents === 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const event = await outbox.transaction((tx) =>
        tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'wake', sequence: 0 } }),
      );
      await eventually('the row published', () => isPublished(event.eventId), 20_000);
    } finally {
      await relay.stop();
    }
  });

  it('with NOTIFY, also wakes on a commit of another process', async () => {
    // Another "process": its own DataSource, so the in-process signal cannot reach the relay.
    const writer = new DataSource({ type: 'postgres', url: bed().database.url });
    await writer.initialize();
    const outbox = new Outbox(writer, { source: 'test-service', contracts: contracts.registry, wakeup: 'notify' });
    const relay = new OutboxRelay({
      kafka: bed().kafka,
      dataSource: bed().dataSource,
      pollIntervalMs: NEVER_POLLS,
      wakeup: 'notify',
    });
    await relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const event = await outbox.transaction((tx) =>
        tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'notify', sequence: 0 } }),
      );
      await eventually('the row published', () => isPublished(event.eventId), 20_000);
    } finally {
      await relay.stop();
      await writer.destroy();
    }
  });

  it('with NOTIFY, announces commits once they are visible, the last one included, never a rolled-back one', async () => {
    const listener = new pg.Client({ connectionString: bed().database.url });
    await listener.connect();
    const writer = new DataSource({ type: 'postgres', url: bed().database.url, extra: { max: 8 } });
    await writer.initialize();
    const outbox = new Outbox(writer, { source: 'test-service', contracts: contracts.registry, wakeup: 'notify' });
    const aggregateId = uuidv7();
    const countRows = async () => {
      const [row] = (await bed().dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE key = $1`, [
        aggregateId,
      ])) as { n: number }[];
      return row!.n;
    };
    // What each notification found committed when it arrived.
    const seen: number[] = [];
    let checks = Promise.resolve();
    listener.on('notification', () => {
      checks = checks.then(async () => void seen.push(await countRows()));
    });
    await listener.query('LISTEN messaging_outbox');
    try {
      const publish = (sequence: number) =>
        outbox.transaction((tx) => tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'n', sequence } }));

      const rolledBack = await outbox
        .transaction(async (tx) => {
          await tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'undone', sequence: 0 } });
          throw new Error('roll back');
        })
        .catch((error: unknown) => error);
      expect(rolledBack).toBeInstanceOf(Error);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await checks;
      expect(seen).toEqual([]);

      const burst = 40;
      await Promise.all(Array.from({ length: burst }, (_, index) => publish(index)));
      // The last commit is never left unannounced: some notification sees every row.
      await eventually('a notification after the last commit', async () => {
        await checks;
        return seen.includes(burst);
      });
      await checks;
      // Each arrived once a commit was visible, never for the rolled-back one (an empty table).
      expect(Math.min(...seen)).toBeGreaterThan(0);
    } finally {
      await listener.end();
      await writer.destroy();
    }
  });

  it('deletes published rows past the retention, never pending ones', async () => {
    const outbox = new Outbox(bed().dataSource, { source: 'test-service', contracts: contracts.registry });
    const relay = new OutboxRelay({ kafka: bed().kafka, dataSource: bed().dataSource, retentionMs: 1 });
    const published = await outbox.transaction((tx) =>
      tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'old', sequence: 0 } }),
    );
    while ((await relay.publishPending()) > 0);
    await relay.stop();
    const pending = await outbox.transaction((tx) =>
      tx.publish(contracts.noteAdded, { aggregateId: uuidv7(), payload: { text: 'pending', sequence: 0 } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await relay.deletePublished()).toBeGreaterThanOrEqual(1);
    const remaining = (await bed().dataSource.query(`SELECT event_id FROM messaging_outbox`)) as { event_id: string }[];
    expect(remaining.map((row) => row.event_id)).toContain(pending.eventId);
    expect(remaining.map((row) => row.event_id)).not.toContain(published.eventId);
  });

  it('refuses an event that breaks its contract, failing the transaction', async () => {
    const outbox = new Outbox(bed().dataSource, { source: 'test-service', contracts: contracts.registry });
    const aggregateId = uuidv7();
    const failure = await outbox
      .transaction((tx) => tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'x', sequence: -5 } }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationFailedError);
    expect((failure as ValidationFailedError).errors.map((error) => error.field)).toEqual(['sequence']);
    const rows = await bed().dataSource.query(`SELECT 1 FROM messaging_outbox WHERE key = $1`, [aggregateId]);
    expect(rows).toHaveLength(0);
  });
});
