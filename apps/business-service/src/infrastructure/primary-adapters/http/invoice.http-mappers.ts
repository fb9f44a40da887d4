import type { InvoicePageResponse, InvoiceResponse } from '@platform/contracts';
import type { InvoiceView } from '../../../application/invoice-changes.js';
import type { InvoicePage } from '../../../application/list-invoices.use-case.js';

/** An invoice as the public API answers it: every amount a MoneyResponse in the invoice currency. */
export function toInvoiceResponse(invoice: InvoiceView): InvoiceResponse {
  const money = (amountMinor: number) => ({ amountMinor, currency: invoice.currency });
  return {
    id: invoice.id,
    businessId: invoice.businessId,
    customerId: invoice.customerId,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitAmount: money(line.unitAmountMinor),
      taxRateBps: line.taxRateBps,
      subtotal: money(line.subtotalMinor),
      tax: money(line.taxMinor),
      total: money(line.totalMinor),
    })),
    subtotal: money(invoice.subtotalMinor),
    tax: money(invoice.taxMinor),
    total: money(invoice.totalMinor),
    paid: money(invoice.paidMinor),
    amountDue: money(Math.max(0, invoice.totalMinor - invoice.paidMinor)),
    issuedAt: invoice.issuedAt?.toISOString() ?? null,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
    overdueAt: invoice.overdueAt?.toISOString() ?? null,
    version: invoice.version,
    createdAt: invoice.createdAt.toISOString(),
    updatedAt: invoice.updatedAt.toISOString(),
  };
}

export function toInvoicePageResponse(page: InvoicePage): InvoicePageResponse {
  return { items: page.items.map(toInvoiceResponse), nextCursor: page.nextCursor ?? null };
}
