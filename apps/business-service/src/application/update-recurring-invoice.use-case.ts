import { utcDay } from '../domain/calendar-day.js';
import type { RecurringInvoiceChanges } from '../domain/recurring-invoice.js';
import {
  RecurringInvoicePreconditionRequiredError,
  RecurringInvoiceVersionMismatchError,
} from '../domain/recurring-invoice.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import { invoiceableCustomer, type ExpectedVersions } from './invoice-changes.js';
import {
  loadScheduleForChange,
  saveSchedule,
  scheduleClock,
  type RecurringInvoiceUseCaseDeps,
  type RecurringInvoiceView,
} from './recurring-invoice-changes.js';

export interface UpdateRecurringInvoiceInput {
  actor: Actor;
  businessId: string;
  recurringInvoiceId: string;
  /** The version(s) the caller read (If-Match); a change of another version is refused. */
  expectedVersions: ExpectedVersions;
  changes: RecurringInvoiceChanges;
}

/**
 * Changes a schedule: pause/resume (`status`), lines, cadence, next date, terms. Invoices already
 * made are not touched. Needs `recurring-invoices:write`; an ended schedule is a 409. Like an
 * invoice's, a change names the version it was based on: none is a 428, another one a 412 (two
 * people editing the same schedule do not overwrite each other).
 */
export class UpdateRecurringInvoiceUseCase {
  constructor(private readonly deps: RecurringInvoiceUseCaseDeps) {}

  execute(input: UpdateRecurringInvoiceInput): Promise<RecurringInvoiceView> {
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'recurring-invoices:write');
      const schedule = await loadScheduleForChange(tx, input.businessId, input.recurringInvoiceId);
      const { version } = schedule.toState();
      if (input.expectedVersions === undefined) throw new RecurringInvoicePreconditionRequiredError();
      if (!input.expectedVersions.includes(version)) {
        throw new RecurringInvoiceVersionMismatchError(schedule.id, input.expectedVersions[0] ?? -1, version);
      }
      if (input.changes.customerId !== undefined) {
        await invoiceableCustomer(tx, input.businessId, input.changes.customerId);
      }
      const now = scheduleClock(this.deps)();
      const changed = schedule.change(input.changes, utcDay(now), now);
      await saveSchedule(tx, schedule, changed);
      return changed.toState();
    });
  }
}
