import { DeadLetterHeader, type EventHandler } from '@platform/messaging';
import type { TestNoteAddedV1 } from '@platform/messaging/testing';
import type { DataSource } from 'typeorm';

/** What the test handler throws for a key the test marked as broken. */
export class NoteRejectedError extends Error {}

/** One row per applied event, with the replay that brought it (if any), so effects can be counted. */
export async function createNotesTable(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE TABLE notes (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL, key text NOT NULL, text text NOT NULL, replay_id text)`);
}

export interface AppliedNote {
  event_id: string;
  key: string;
  text: string;
  replay_id: string | null;
}

/** Rows of `notes` for one event, in the order they were applied. */
export async function notesOf(dataSource: DataSource, eventId: string): Promise<AppliedNote[]> {
  return dataSource.query(`SELECT event_id, key, text, replay_id FROM notes WHERE event_id = $1 ORDER BY id`, [
    eventId,
  ]);
}

/** A handler that writes a note per event, and throws for the keys in `brokenKeys` (the "bug"). */
export function noteHandler(eventType: string, brokenKeys: ReadonlySet<string>): EventHandler {
  return {
    eventType,
    batch: false,
    async handle(events, manager) {
      for (const event of events) {
        if (brokenKeys.has(event.key)) throw new NoteRejectedError(`note ${event.key} rejected by the buggy handler`);
        const payload = event.envelope.payload as unknown as TestNoteAddedV1;
        await manager.query(`INSERT INTO notes (event_id, key, text, replay_id) VALUES ($1, $2, $3, $4)`, [
          event.envelope.eventId,
          event.key,
          payload.text,
          event.headers[DeadLetterHeader.replayId] ?? null,
        ]);
      }
    },
  };
}
