import type { EntityManager } from 'typeorm';
import { MessagingTable } from '../schema/messaging-tables.js';

/** Where one event type a service publishes names a person, and what replaces their data. */
export interface PersonalEventFields {
  /** The event's contract (its type and topic). */
  contract: { readonly type: string; readonly topic: string };
  /** The payload field holding the person's id. */
  subjectField: string;
  /** Payload fields holding the person's data, and what replaces each. */
  replacements: Readonly<Record<string, string>>;
}

interface StoredEnvelope {
  type?: string;
  payload?: Record<string, unknown>;
}

/**
 * Replaces a person's data in the events this service stored in its outbox about them (pending and
 * published rows alike), in the transaction of `manager`, as an erasure does (docs/decisions/0015).
 * The events stay, meeting their contracts with the replacement values. Returns the rows changed.
 *
 * Rows are locked (FOR UPDATE), so the relay, which claims with SKIP LOCKED, publishes a pending one
 * only once it is anonymised. The payload is rewritten as text, not with jsonb: the relay sends the
 * stored text as it is, and JSON.stringify keeps the compact form the outbox wrote.
 */
export async function anonymiseOutboxEvents(
  manager: EntityManager,
  subjectId: string,
  events: readonly PersonalEventFields[],
): Promise<number> {
  let changed = 0;
  for (const event of events) {
    const rows: { id: string; payload: string }[] = await manager.query(
      `SELECT id, payload FROM ${MessagingTable.outbox}
        WHERE topic = $1 AND strpos(payload, $2) > 0
        ORDER BY id FOR UPDATE`,
      [event.contract.topic, subjectId],
    );
    for (const row of rows) {
      const envelope = JSON.parse(row.payload) as StoredEnvelope;
      const payload = envelope.payload;
      if (envelope.type !== event.contract.type || !payload || payload[event.subjectField] !== subjectId) continue;
      const fields = Object.entries(event.replacements).filter(
        ([field, marker]) => field in payload && payload[field] !== marker,
      );
      if (fields.length === 0) continue;
      for (const [field, marker] of fields) payload[field] = marker;
      await manager.query(`UPDATE ${MessagingTable.outbox} SET payload = $2 WHERE id = $1`, [
        row.id,
        JSON.stringify(envelope),
      ]);
      changed += 1;
    }
  }
  return changed;
}
