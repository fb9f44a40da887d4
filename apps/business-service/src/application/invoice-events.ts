import type { InvoiceIssuedV2Contract, InvoiceVoidedV1Contract, PayloadOf } from '@platform/contracts';
import type { Business } from '../domain/business.js';
import type { Customer } from '../domain/customer.js';
import type { InvoiceState } from '../domain/invoice.js';

// Events carry what their consumers need to act without calling back: notification-service
// writes the invoice e-mail from `business.invoice.issued` alone.

/** `business.invoice.issued` v2 of an invoice just issued. */
export function invoiceIssuedPayload(
  invoice: InvoiceState,
  business: Business,
  customer: Customer,
): PayloadOf<typeof InvoiceIssuedV2Contract> {
  if (invoice.number === null || invoice.issuedAt === null) throw new Error('the invoice is not issued');
  const money = (amountMinor: number) => ({ amountMinor, currency: invoice.currency });
  return {
    invoiceId: invoice.id,
    businessId: invoice.businessId,
    businessName: business.name,
    customerId: customer.id,
    customerName: customer.name,
    customerEmail: customer.email,
    number: invoice.number,
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
    issuedAt: invoice.issuedAt.toISOString(),
  };
}

/** `business.invoice.voided` v1 of an invoice just voided. */
export function invoiceVoidedPayload(
  invoice: InvoiceState,
  business: Business,
  customer: Customer,
): PayloadOf<typeof InvoiceVoidedV1Contract> {
  if (invoice.number === null || invoice.voidedAt === null) throw new Error('the invoice is not void');
  return {
    invoiceId: invoice.id,
    businessId: invoice.businessId,
    businessName: business.name,
    number: invoice.number,
    customerId: customer.id,
    customerName: customer.name,
    customerEmail: customer.email,
    total: { amountMinor: invoice.totalMinor, currency: invoice.currency },
    reason: invoice.voidReason,
    voidedAt: invoice.voidedAt.toISOString(),
  };
}
