import { requireAccess, type Actor } from './business-access.js';
import {
  loadScheduleForChange,
  saveSchedule,
  scheduleClock,
  type RecurringInvoiceUseCaseDeps,
  type RecurringInvoiceView,
} from './recurring-invoice-changes.js';

export interface EndRecurringInvoiceInput {
  actor: Actor;
  businessId: string;
  recurringInvoiceId: string;
}

/**
 * Ends a schedule for good (the DELETE of the API): no more invoices; the schedule and the
 * invoices it made stay. Needs `recurring-invoices:write`; ending it twice is a 409.
 */
export class EndRecurringInvoiceUseCase {
  constructor(private readonly deps: RecurringInvoiceUseCaseDeps) {}

  execute(input: EndRecurringInvoiceInput): Promise<RecurringInvoiceView> {
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'recurring-invoices:write');
      const schedule = await loadScheduleForChange(tx, input.businessId, input.recurringInvoiceId);
      const ended = schedule.end(scheduleClock(this.deps)());
      await saveSchedule(tx, schedule, ended);
      return ended.toState();
    });
  }
}
