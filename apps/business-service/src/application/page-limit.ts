import { ValidationFailedError } from '@platform/validation';

/** Page size when a list request names none. */
export const DEFAULT_PAGE_LIMIT = 20;
/** Largest page a list answers. */
export const MAX_PAGE_LIMIT = 100;

/** `limit` or the default, checked against the bound (the HTTP contract states the same one). */
export function pageLimit(limit: number | undefined): number {
  const value = limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_LIMIT) {
    const message = `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}.`;
    throw new ValidationFailedError([{ field: 'limit', message, code: 'out_of_range' }], message);
  }
  return value;
}
