import { InvoiceIssuedV2Contract } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { BusinessNotFoundError } from '../domain/business.errors.js';
import { utcDay } from '../domain/calendar-day.js';
import { Invoice } from '../domain/invoice.js';
import { formatInvoiceNumber, numberingYear } from '../domain/invoice-number.js';
import type { RecurringInvoice } from '../domain/recurring-invoice.js';
import {
  changeInvoices,
  clockOf,
  invoiceableCustomer,
  saveChange,
  type InvoiceUseCaseDeps,
} from './invoice-changes.js';
import { invoiceIssuedPayload } from './invoice-events.js';
import { runItems, type BatchResult } from './job-batch.js';
import type { DueSchedule, RecurringScanPosition } from './ports/recurring-invoice-repository.port.js';
import type { Transaction } from './ports/unit-of-work.port.js';

/**
 * The recurring job's work: for each active schedule whose next date has come, the invoice of
 * that period is created (and issued, with its number and `business.invoice.issued` v2, when the
 * schedule says so) and the schedule moves on one period, all in one transaction with the
 * (schedule, period) row whose primary key makes each period's invoice exactly once.
 *
 * Catch-up: every missed period gets its own invoice, once (a period is a billed service period:
 * skipping one would lose revenue). A schedule whose next period is still due after one is
 * invoiced goes on to it at once, each period in its own transaction (at most
 * MAX_PERIODS_PER_RUN per run): two missed months are two invoices in one run, never more.
 * Paused periods are not missed ones: resuming skips them.
 */
export class CreateRecurringPeriodInvoicesUseCase {
  constructor(private readonly deps: InvoiceUseCaseDeps) {}

  /** One batch: at most `limit` due schedules after the position `after` (`<nextDate>/<id>`). */
  async batch(after: string | undefined, limit: number): Promise<BatchResult> {
    const today = utcDay(clockOf(this.deps)());
    const due = await this.deps.unitOfWork.run((tx) => tx.recurringInvoices.due(today, parsePosition(after), limit));
    return runItems(due, positionKey, (schedule) => this.catchUp(schedule, today));
  }

  /** Schedules with a period due: the job's pending items. */
  pending(): Promise<number> {
    const today = utcDay(clockOf(this.deps)());
    return this.deps.unitOfWork.run((tx) => tx.recurringInvoices.countDue(today));
  }

  private async catchUp(due: DueSchedule, today: string): Promise<'applied' | 'skipped'> {
    let outcome: 'applied' | 'skipped' = 'skipped';
    let position = due;
    for (let period = 0; period < MAX_PERIODS_PER_RUN; period += 1) {
      const next = await this.invoicePeriod(position, today);
      if (next === undefined) break;
      outcome = 'applied';
      if (next > today) break;
      position = { ...position, nextDate: next };
    }
    return outcome;
  }

  /** Invoices the period `due.nextDate`; the schedule's next date after it, or undefined when nothing was to do. */
  private invoicePeriod(due: DueSchedule, today: string): Promise<string | undefined> {
    return changeInvoices(this.deps, due.businessId, async (tx) => {
      const schedule = await tx.recurringInvoices.find(due.businessId, due.id, { forUpdate: true });
      // Read under the lock: another instance (or an edit) that moved it on since the scan wins.
      if (!schedule || !schedule.isDue(today) || schedule.nextDate !== due.nextDate) return undefined;
      const now = clockOf(this.deps)();
      const state = schedule.toState();
      const period = schedule.currentPeriod();
      const advanced = schedule.advance(now);
      const invoiceId = uuidv7();
      if (!(await tx.recurringInvoices.recordPeriod(state.id, period.periodDate, invoiceId, now))) {
        // Invoiced already (the next date was moved back onto it): never twice, just move on.
        await this.save(tx, advanced, state.version);
        return undefined;
      }
      const business = await tx.businesses.findById(state.businessId);
      if (!business) throw new BusinessNotFoundError(state.businessId);
      const customer = await invoiceableCustomer(tx, state.businessId, state.customerId);
      const draft = Invoice.draft(
        {
          id: invoiceId,
          businessId: state.businessId,
          customerId: state.customerId,
          currency: state.currency,
          dueDate: period.dueDate,
          lines: state.lines,
        },
        now,
      );
      await tx.invoices.insert(draft);
      if (state.autoIssue) {
        // As IssueInvoiceUseCase: the number last, under the sequence row's lock held to the commit.
        const year = numberingYear(now);
        const seq = await tx.invoiceNumbers.next(state.businessId, year);
        const issued = draft.issue(formatInvoiceNumber(business.invoicePrefix, year, seq), now);
        await saveChange(tx, draft, issued);
        const issuedState = issued.toState();
        await tx.publish(InvoiceIssuedV2Contract, {
          aggregateId: issuedState.id,
          payload: invoiceIssuedPayload(issuedState, business, customer),
          occurredAt: now,
        });
      }
      await this.save(tx, advanced, state.version);
      return advanced.nextDate;
    });
  }

  private async save(tx: Transaction, advanced: RecurringInvoice, expectedVersion: number): Promise<void> {
    if (!(await tx.recurringInvoices.update(advanced, expectedVersion))) {
      throw new Error(`recurring invoice ${advanced.id} changed under its row lock`);
    }
  }
}

/** Periods one schedule catches up in one run; the rest follow in the next runs. */
const MAX_PERIODS_PER_RUN = 60;

const positionKey = (position: RecurringScanPosition): string => `${position.nextDate}/${position.id}`;

function parsePosition(after: string | undefined): RecurringScanPosition | undefined {
  if (after === undefined) return undefined;
  const [nextDate, id] = after.split('/');
  if (!nextDate || !id) throw new Error(`not a recurring scan position: ${after}`);
  return { nextDate, id };
}
