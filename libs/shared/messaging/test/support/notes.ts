import type { DeliveredEvent, EventHandler } from '../../src/index.js';
import type { TestNoteAddedV1 } from '../../src/testing/index.js';
import type { DataSource, EntityManager } from 'typeorm';

/** A table the test handlers write to: one row per applied event, so effects can be counted. */
export async function createNotesTable(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE TABLE notes (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL, key text NOT NULL, text text NOT NULL,
    sequence int NOT NULL, attempt int NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
}

/** Rows of `notes`, in the order they were applied. */
export async function appliedNotes(
  dataSource: DataSource,
): Promise<{ event_id: string; key: string; text: string; sequence: number; attempt: number }[]> {
  return dataSource.query(`SELECT event_id, key, text, sequence, attempt FROM notes ORDER BY id`);
}

/** Writes one note row for the event, in the handler's transaction. */
export async function applyNote(manager: EntityManager, event: DeliveredEvent): Promise<void> {
  const payload = event.envelope.payload as unknown as TestNoteAddedV1;
  await manager.query(`INSERT INTO notes (event_id, key, text, sequence, attempt) VALUES ($1, $2, $3, $4, $5)`, [
    event.envelope.eventId,
    event.key,
    payload.text,
    payload.sequence,
    event.attempt,
  ]);
}

/** A handler that writes a note per event and lets the test fail it on demand. */
export function noteHandler(
  eventType: string,
  beforeApply: (event: DeliveredEvent) => void | Promise<void> = () => undefined,
): EventHandler {
  return {
    eventType,
    batch: false,
    async handle(events, manager) {
      for (const event of events) {
        await beforeApply(event);
        await applyNote(manager, event);
      }
    },
  };
}
