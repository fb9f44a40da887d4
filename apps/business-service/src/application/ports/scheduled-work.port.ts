import type { Invoice } from '../../domain/invoice.js';

/** An invoice the overdue or reminder job is to look at. */
export interface InvoiceKey {
  businessId: string;
  invoiceId: string;
}

/** An invoice whose dunning reminder at `offsetDays` is due and not sent. */
export interface ReminderCandidate extends InvoiceKey {
  offsetDays: number;
}

/**
 * The cross-business reads and once-only writes of the scheduled jobs. Contract:
 * - every scan answers at most `limit` rows in ascending id order, strictly after `after` (the
 *   keyset of the batch), so a job pages through them however many there are;
 * - `overdueCandidates`: issued invoices due before `today` (UTC day) not yet marked overdue;
 * - `reminderCandidates`: issued invoices with something left to pay, each with the LATEST of
 *   `offsets` whose day has come (due date + offset ≤ today) and only when no reminder at that
 *   offset or a later one was recorded: an invoice seen late gets one reminder, not a burst;
 * - `markOverdue` writes `invoice` (marked) only over the row still at `expectedVersion`, still
 *   issued and not marked (`UPDATE ... WHERE overdue_at IS NULL`): false when someone got there first;
 * - `recordReminder` inserts (invoice, offset) once: false when it was recorded already.
 */
export interface ScheduledWork {
  overdueCandidates(today: string, after: string | undefined, limit: number): Promise<InvoiceKey[]>;
  reminderCandidates(
    today: string,
    offsets: readonly number[],
    after: string | undefined,
    limit: number,
  ): Promise<ReminderCandidate[]>;
  /** How many invoices `overdueCandidates` would answer now, all pages together (the job's pending items). */
  countOverdue(today: string): Promise<number>;
  /** How many invoices `reminderCandidates` would answer now, all pages together. */
  countReminders(today: string, offsets: readonly number[]): Promise<number>;
  markOverdue(invoice: Invoice, expectedVersion: number): Promise<boolean>;
  recordReminder(invoiceId: string, offsetDays: number, at: Date): Promise<boolean>;
}
