import { InvoiceOverdueV1Contract } from '@platform/contracts';
import { utcDay } from '../domain/calendar-day.js';
import { invoiceOverduePayload } from './invoice-dunning-events.js';
import { jobClock, runItems, type BatchResult, type JobUseCaseDeps } from './job-batch.js';
import type { InvoiceKey } from './ports/scheduled-work.port.js';

/**
 * The overdue job's work: issued invoices due before today (UTC) are marked overdue (they stay
 * `issued`) and `business.invoice.overdue` is published in the same transaction. Each invoice is
 * its own transaction, and the mark is written only where none is (`WHERE overdue_at IS NULL`
 * under the row lock), so reruns, crashes and a second instance never mark or publish twice.
 */
export class MarkOverdueInvoicesUseCase {
  constructor(private readonly deps: JobUseCaseDeps) {}

  /** One batch: at most `limit` invoices with ids after `after`. */
  async batch(after: string | undefined, limit: number): Promise<BatchResult> {
    const today = utcDay(jobClock(this.deps)());
    const keys = await this.deps.unitOfWork.run((tx) => tx.scheduledWork.overdueCandidates(today, after, limit));
    return runItems(
      keys,
      (key) => key.invoiceId,
      (key) => this.markOne(key, today),
    );
  }

  /** Invoices the next run would mark: the job's pending items. */
  pending(): Promise<number> {
    const today = utcDay(jobClock(this.deps)());
    return this.deps.unitOfWork.run((tx) => tx.scheduledWork.countOverdue(today));
  }

  private markOne(key: InvoiceKey, today: string): Promise<'applied' | 'skipped'> {
    return this.deps.unitOfWork.run(async (tx) => {
      const invoice = await tx.invoices.find(key.businessId, key.invoiceId, { forUpdate: true });
      if (!invoice || !invoice.isOverdueOn(today)) return 'skipped';
      const now = jobClock(this.deps)();
      const marked = invoice.markOverdue(today, now);
      if (!(await tx.scheduledWork.markOverdue(marked, invoice.version))) return 'skipped';
      const state = marked.toState();
      const business = await tx.businesses.findById(state.businessId);
      const customer = await tx.customers.find(state.businessId, state.customerId);
      if (!business || !customer) throw new Error(`invoice ${state.id} has no business or customer`);
      await tx.publish(InvoiceOverdueV1Contract, {
        aggregateId: state.id,
        payload: invoiceOverduePayload(state, business, customer),
        occurredAt: now,
      });
      return 'applied';
    });
  }
}
