/**
 * Cursor pages of the public lists (notifications, webhook endpoints and deliveries): newest or
 * oldest first by UUID v7 id, the cursor being the last id of the previous page, opaque to clients.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in text form (path ids that are not are a 404, as an unknown id). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A page of a list: `nextCursor` undefined on the last. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

const cursorAfter = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

/**
 * The id a cursor continues after, undefined for the first page; `invalid()` is thrown for a
 * cursor this service did not give (each list answers with its own error code).
 */
export function decodeCursor(cursor: string | undefined, invalid: () => Error): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw invalid();
  return id;
}

/** One page from `limit + 1` rows: the extra row says there is a next page. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, nextCursor: cursorAfter(last.id) } : { items };
}
