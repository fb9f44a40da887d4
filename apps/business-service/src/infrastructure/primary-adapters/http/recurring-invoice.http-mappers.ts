import type { RecurringInvoicePageResponse, RecurringInvoiceResponse } from '@platform/contracts';
import type { RecurringInvoiceView } from '../../../application/recurring-invoice-changes.js';
import type { RecurringInvoicePage } from '../../../application/list-recurring-invoices.use-case.js';

/** A recurring invoice as the public API answers it. */
export function toRecurringInvoiceResponse(schedule: RecurringInvoiceView): RecurringInvoiceResponse {
  return {
    id: schedule.id,
    businessId: schedule.businessId,
    customerId: schedule.customerId,
    currency: schedule.currency,
    lines: schedule.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitAmount: { amountMinor: line.unitAmountMinor, currency: schedule.currency },
      taxRateBps: line.taxRateBps,
    })),
    cadence: schedule.cadence,
    nextDate: schedule.nextDate,
    autoIssue: schedule.autoIssue,
    paymentTermDays: schedule.paymentTermDays,
    status: schedule.status,
    version: schedule.version,
    createdAt: schedule.createdAt.toISOString(),
    updatedAt: schedule.updatedAt.toISOString(),
  };
}

export function toRecurringInvoicePageResponse(page: RecurringInvoicePage): RecurringInvoicePageResponse {
  return { items: page.items.map(toRecurringInvoiceResponse), nextCursor: page.nextCursor ?? null };
}
