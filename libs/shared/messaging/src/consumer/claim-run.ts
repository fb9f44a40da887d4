import type { QueryRunner } from 'typeorm';
import { MessagingTable } from '../schema/messaging-tables.js';

/** An event of a run, as the claim needs it. */
export interface RunEvent {
  eventId: string;
  eventType: string;
  /** The Kafka key as text. */
  key: string;
}

/** What the claim found: keys whose events must wait behind parked ones, and the event ids new to the inbox. */
export interface ClaimedRun {
  parkedKeys: Set<string>;
  fresh: Set<string>;
}

/**
 * For a run of events of one topic, in one statement: finds which of their keys have parked
 * events (those events must wait behind them, unhandled and not in the inbox), and records the
 * other events in the inbox, resolving the ids that were new. An id given twice is new once.
 * It replaces a parked-key query and an inbox insert, one round trip less per run.
 */
export async function claimRun(
  runner: QueryRunner,
  group: string,
  topic: string,
  events: readonly RunEvent[],
): Promise<ClaimedRun> {
  if (events.length === 0) return { parkedKeys: new Set(), fresh: new Set() };
  const rows = (await runner.query(
    `WITH incoming AS (
       SELECT * FROM unnest($3::uuid[], $4::text[], $5::text[]) AS e(event_id, event_type, key)
     ), parked AS (
       SELECT DISTINCT p.key FROM ${MessagingTable.parked} p
        WHERE p.consumer_group = $1 AND p.topic = $2 AND p.key = ANY($5::text[])
     ), claimed AS (
       INSERT INTO ${MessagingTable.inbox} (consumer_group, event_id, event_type)
       SELECT $1, i.event_id, i.event_type FROM incoming i
        WHERE NOT EXISTS (SELECT 1 FROM parked WHERE parked.key = i.key)
       ON CONFLICT DO NOTHING RETURNING event_id
     )
     SELECT 'parked' AS kind, key AS value FROM parked
     UNION ALL
     SELECT 'fresh', event_id::text FROM claimed`,
    [
      group,
      topic,
      events.map((event) => event.eventId),
      events.map((event) => event.eventType),
      events.map((event) => event.key),
    ],
  )) as { kind: 'parked' | 'fresh'; value: string }[];
  const claimed: ClaimedRun = { parkedKeys: new Set(), fresh: new Set() };
  for (const row of rows) (row.kind === 'parked' ? claimed.parkedKeys : claimed.fresh).add(row.value);
  return claimed;
}
