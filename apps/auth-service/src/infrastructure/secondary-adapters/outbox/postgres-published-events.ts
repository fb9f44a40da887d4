import { UserRegisteredV1Contract } from '@platform/contracts';
import { MessagingTable } from '@platform/messaging';
import type { EntityManager } from 'typeorm';
import type { PublishedEvents } from '../../../application/ports/published-events.port.js';
import { ERASED_USER } from '../../../domain/erased-user.js';

/** An event this service publishes whose payload names a user's personal data, and where. */
interface PersonalEvent {
  type: string;
  topic: string;
  /** Payload fields of the user's personal data, with what replaces them. */
  replacements: Record<string, string>;
}

// Every published event that carries a user's e-mail or name (the others name users by id only).
const PERSONAL_EVENTS: readonly PersonalEvent[] = [
  {
    type: UserRegisteredV1Contract.type,
    topic: UserRegisteredV1Contract.topic,
    replacements: { email: ERASED_USER.email, displayName: ERASED_USER.displayName },
  },
];

interface StoredEvent {
  type?: string;
  payload?: Record<string, unknown>;
}

/** PublishedEvents on the messaging library's `messaging_outbox`, in the transaction of `manager`. */
export class PostgresPublishedEvents implements PublishedEvents {
  constructor(private readonly manager: EntityManager) {}

  async anonymiseUser(userId: string): Promise<number> {
    let changed = 0;
    for (const event of PERSONAL_EVENTS) changed += await this.anonymiseIn(event, userId);
    return changed;
  }

  // The auth-service's events are keyed by their user. The payload is rewritten in TypeScript, not
  // with jsonb: the relay sends the stored text as it is. Rows are locked, so the relay (SKIP
  // LOCKED) publishes a pending one only once it is anonymised.
  private async anonymiseIn(event: PersonalEvent, userId: string): Promise<number> {
    const rows: { id: string; payload: string }[] = await this.manager.query(
      `SELECT id, payload FROM ${MessagingTable.outbox} WHERE topic = $1 AND key = $2 ORDER BY id FOR UPDATE`,
      [event.topic, userId],
    );
    let changed = 0;
    for (const row of rows) {
      const envelope = JSON.parse(row.payload) as StoredEvent;
      const payload = envelope.payload;
      if (envelope.type !== event.type || !payload || payload['userId'] !== userId) continue;
      const fields = Object.entries(event.replacements).filter(
        ([field, marker]) => field in payload && payload[field] !== marker,
      );
      if (fields.length === 0) continue;
      for (const [field, marker] of fields) payload[field] = marker;
      await this.manager.query(`UPDATE ${MessagingTable.outbox} SET payload = $2 WHERE id = $1`, [
        row.id,
        JSON.stringify(envelope),
      ]);
      changed += 1;
    }
    return changed;
  }
}
