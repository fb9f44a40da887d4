import { validate as isUuid } from 'uuid';
import { InvalidCursorError } from '../../../domain/business.errors.js';

// A cursor is the position of the last row of a page, as a base64url JSON array of strings. It is
// opaque to clients; anything this service did not issue is refused with InvalidCursorError (422).

/** A timestamptz as microsecond text in UTC: a millisecond Date would repeat or skip rows. */
export const cursorTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CURSOR_TIMESTAMP_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** What each position of a cursor holds, checked when it is read. */
export type CursorPart = 'uuid' | 'timestamp';

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The positions `cursor` holds, each of the kind `shape` says; InvalidCursorError otherwise. */
export function decodeCursor(cursor: string, shape: readonly CursorPart[]): string[] {
  // Node's base64url decoder skips characters it does not know; re-encoding must give the input back.
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw new InvalidCursorError();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) throw new InvalidCursorError();
  let decoded: unknown;
  try {
    decoded = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(decoded) || decoded.length !== shape.length) throw new InvalidCursorError();
  return shape.map((kind, index) => {
    const value: unknown = decoded[index];
    if (typeof value !== 'string' || !(kind === 'uuid' ? isUuid(value) : isTimestamp(value))) {
      throw new InvalidCursorError();
    }
    return value;
  });
}

function isTimestamp(value: string): boolean {
  if (!CURSOR_TIMESTAMP_FORMAT.test(value)) return false;
  // A real instant: "2026-02-30" passes the pattern but PostgreSQL would fail the query on it.
  const milliseconds = `${value.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === milliseconds;
}
