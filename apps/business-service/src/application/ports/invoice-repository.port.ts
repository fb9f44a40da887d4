import type { Invoice, InvoiceStatus } from '../../domain/invoice.js';
import type { Page, PageRequest } from './page.js';

/** Filters of the invoice list; all of them together (AND). */
export interface InvoiceFilter {
  status?: InvoiceStatus;
  customerId?: string;
  /** Due strictly before this day (`YYYY-MM-DD`). */
  dueBefore?: string;
  /** Due strictly after this day (`YYYY-MM-DD`). */
  dueAfter?: string;
}

/**
 * The invoices of businesses; every method is scoped to one business, so an invoice of another
 * business is never found, changed or deleted whatever its id. Contract:
 * - `find` resolves undefined for an invoice of another business or an id that is not a UUID;
 *   with `{ forUpdate: true }` the row stays locked until the transaction ends, so concurrent
 *   changes of one invoice run one after the other.
 * - `update` writes `invoice` (whose version is one more than before) only over the row still at
 *   `expectedVersion` (`UPDATE ... WHERE version = $expected`), and resolves false when that row
 *   has moved on (a lost race).
 * - `deleteDraft` deletes the row only while it is a draft at `expectedVersion`; false otherwise.
 * - `list` pages newest first (UUID v7 order); a cursor it did not issue throws InvalidCursorError.
 */
export interface InvoiceRepository {
  insert(invoice: Invoice): Promise<void>;
  find(businessId: string, invoiceId: string, options?: { forUpdate?: boolean }): Promise<Invoice | undefined>;
  update(invoice: Invoice, expectedVersion: number): Promise<boolean>;
  deleteDraft(businessId: string, invoiceId: string, expectedVersion: number): Promise<boolean>;
  list(businessId: string, filter: InvoiceFilter, page: PageRequest): Promise<Page<Invoice>>;
}

/**
 * Invoice numbers per business and year. Contract: `next` returns the next sequence number (1
 * for the first of a year) and holds the sequence locked until the transaction ends, so that
 * concurrent issues of one business wait for each other: numbers never collide or repeat, and a
 * transaction that rolls back gives its number back, so they have no gaps either.
 */
export interface InvoiceNumberSequence {
  next(businessId: string, year: number): Promise<number>;
}
