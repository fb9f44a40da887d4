import type { RecurringInvoice } from '../../domain/recurring-invoice.js';
import type { Page, PageRequest } from './page.js';

/** Where the recurring job is in its scan: the last schedule's next date and id. */
export interface RecurringScanPosition {
  nextDate: string;
  id: string;
}

/** A schedule the recurring job is to look at. */
export interface DueSchedule extends RecurringScanPosition {
  businessId: string;
}

/**
 * Recurring invoice schedules. Contract:
 * - `find` is scoped to one business (another business's or a non-UUID id: undefined); with
 *   `{ forUpdate: true }` the row stays locked until the transaction ends;
 * - `update` writes over the row only while it is at `expectedVersion`; false otherwise;
 * - `list` pages newest first; a cursor it did not issue throws InvalidCursorError;
 * - `due` answers active schedules whose next date is on or before `today`, ordered by (next
 *   date, id), strictly after `after`: a schedule that moves on to a later period that is still
 *   due is met again later in the same scan, so missed periods are caught up in one run;
 * - `recordPeriod` inserts (schedule, period date) once and resolves false when the period was
 *   invoiced already: the guard that makes each period's invoice exactly once.
 */
export interface RecurringInvoiceRepository {
  insert(schedule: RecurringInvoice): Promise<void>;
  find(businessId: string, id: string, options?: { forUpdate?: boolean }): Promise<RecurringInvoice | undefined>;
  update(schedule: RecurringInvoice, expectedVersion: number): Promise<boolean>;
  list(businessId: string, page: PageRequest): Promise<Page<RecurringInvoice>>;
  due(today: string, after: RecurringScanPosition | undefined, limit: number): Promise<DueSchedule[]>;
  /** How many active schedules have a period due by `today` (the job's pending items). */
  countDue(today: string): Promise<number>;
  recordPeriod(scheduleId: string, periodDate: string, invoiceId: string, at: Date): Promise<boolean>;
}
