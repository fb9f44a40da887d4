import { InvoiceReminderDueV1Contract } from '@platform/contracts';
import { utcDay } from '../domain/calendar-day.js';
import { invoiceReminderDuePayload } from './invoice-dunning-events.js';
import { jobClock, runItems, type BatchResult, type JobUseCaseDeps } from './job-batch.js';
import type { ReminderCandidate } from './ports/scheduled-work.port.js';

/**
 * The reminders job's work: for each issued invoice with something left to pay, the latest
 * configured offset whose day has come (due date + offset ≤ today) is recorded in
 * `invoice_reminders` and `business.invoice.reminder-due` is published in the same transaction.
 * At most one reminder per (invoice, offset): the primary key refuses a second. An invoice seen
 * only after several offsets passed (issued late, or the service was down) gets the latest one,
 * never a burst of stale reminders; earlier offsets are then skipped for good.
 */
export class SendInvoiceRemindersUseCase {
  private readonly offsets: readonly number[];

  constructor(
    private readonly deps: JobUseCaseDeps,
    offsetsDays: readonly number[],
  ) {
    this.offsets = [...new Set(offsetsDays)].sort((a, b) => a - b);
  }

  /** One batch: at most `limit` invoices with ids after `after`. */
  async batch(after: string | undefined, limit: number): Promise<BatchResult> {
    if (this.offsets.length === 0) return { processed: 0, succeeded: 0, skipped: 0, failures: [] };
    const today = utcDay(jobClock(this.deps)());
    const candidates = await this.deps.unitOfWork.run((tx) =>
      tx.scheduledWork.reminderCandidates(today, this.offsets, after, limit),
    );
    return runItems(
      candidates,
      (candidate) => candidate.invoiceId,
      (candidate) => this.remindOne(candidate),
    );
  }

  /** Invoices the next run would remind: the job's pending items. */
  async pending(): Promise<number> {
    if (this.offsets.length === 0) return 0;
    const today = utcDay(jobClock(this.deps)());
    return this.deps.unitOfWork.run((tx) => tx.scheduledWork.countReminders(today, this.offsets));
  }

  private remindOne(candidate: ReminderCandidate): Promise<'applied' | 'skipped'> {
    return this.deps.unitOfWork.run(async (tx) => {
      // The row lock orders the reminder after a payment that is settling the invoice.
      const invoice = await tx.invoices.find(candidate.businessId, candidate.invoiceId, { forUpdate: true });
      if (!invoice || invoice.status !== 'issued' || invoice.amountDueMinor() <= 0) return 'skipped';
      const now = jobClock(this.deps)();
      if (!(await tx.scheduledWork.recordReminder(invoice.id, candidate.offsetDays, now))) return 'skipped';
      const state = invoice.toState();
      const business = await tx.businesses.findById(state.businessId);
      const customer = await tx.customers.find(state.businessId, state.customerId);
      if (!business || !customer) throw new Error(`invoice ${state.id} has no business or customer`);
      await tx.publish(InvoiceReminderDueV1Contract, {
        aggregateId: state.id,
        payload: invoiceReminderDuePayload(state, business, customer, candidate.offsetDays, now),
        occurredAt: now,
      });
      return 'applied';
    });
  }
}
