import { v7 as uuidv7 } from 'uuid';
import { BusinessNotFoundError } from '../domain/business.errors.js';
import { RecurringInvoice, type RecurringCadence } from '../domain/recurring-invoice.js';
import { requireAccess, type Actor } from './business-access.js';
import { invoiceableCustomer } from './invoice-changes.js';
import {
  scheduleClock,
  type RecurringInvoiceUseCaseDeps,
  type RecurringInvoiceView,
} from './recurring-invoice-changes.js';

export interface CreateRecurringInvoiceInput {
  actor: Actor;
  businessId: string;
  customerId: string;
  /** ISO 4217; the business's currency when left out. */
  currency?: string;
  lines: { description: string; quantity: number; unitAmountMinor: number; taxRateBps?: number }[];
  cadence: RecurringCadence;
  /** The first period, `YYYY-MM-DD`. */
  startDate: string;
  autoIssue: boolean;
  paymentTermDays: number;
}

/** A new active recurring invoice schedule. Needs `recurring-invoices:write`. */
export class CreateRecurringInvoiceUseCase {
  constructor(private readonly deps: RecurringInvoiceUseCaseDeps) {}

  execute(input: CreateRecurringInvoiceInput): Promise<RecurringInvoiceView> {
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'recurring-invoices:write');
      const business = await tx.businesses.findById(input.businessId);
      if (!business) throw new BusinessNotFoundError(input.businessId);
      await invoiceableCustomer(tx, input.businessId, input.customerId);
      const schedule = RecurringInvoice.create(
        {
          id: uuidv7(),
          businessId: input.businessId,
          customerId: input.customerId,
          currency: input.currency ?? business.currency,
          lines: input.lines.map((line) => ({ ...line, taxRateBps: line.taxRateBps ?? 0 })),
          cadence: input.cadence,
          startDate: input.startDate,
          autoIssue: input.autoIssue,
          paymentTermDays: input.paymentTermDays,
        },
        scheduleClock(this.deps)(),
      );
      await tx.recurringInvoices.insert(schedule);
      return schedule.toState();
    });
  }
}
