import type { RecurringInvoiceState } from '../domain/recurring-invoice.js';
import { RecurringInvoiceNotFoundError } from '../domain/recurring-invoice.errors.js';
import type { RecurringInvoice } from '../domain/recurring-invoice.js';
import type { UnitOfWork, Transaction } from './ports/unit-of-work.port.js';

/** What the recurring invoice use cases are built on. */
export interface RecurringInvoiceUseCaseDeps {
  unitOfWork: UnitOfWork;
  /** The current instant; tests set it. */
  now?: () => Date;
}

/** A schedule as the use cases answer it. */
export type RecurringInvoiceView = RecurringInvoiceState;

/** The schedule of this business, locked until the transaction ends; 404 when there is none. */
export async function loadScheduleForChange(
  tx: Transaction,
  businessId: string,
  id: string,
): Promise<RecurringInvoice> {
  const schedule = await tx.recurringInvoices.find(businessId, id, { forUpdate: true });
  if (!schedule) throw new RecurringInvoiceNotFoundError(id);
  return schedule;
}

/** Writes `next` over `previous`'s version (the row is locked, so it cannot have moved). */
export async function saveSchedule(tx: Transaction, previous: RecurringInvoice, next: RecurringInvoice): Promise<void> {
  if (!(await tx.recurringInvoices.update(next, previous.toState().version))) {
    throw new Error(`recurring invoice ${previous.id} changed under its row lock`);
  }
}

export const scheduleClock = (deps: RecurringInvoiceUseCaseDeps): (() => Date) => deps.now ?? (() => new Date());
