import type { InvoiceOverdueV1Contract, InvoiceReminderDueV1Contract, PayloadOf } from '@platform/contracts';
import type { Business } from '../domain/business.js';
import type { Customer } from '../domain/customer.js';
import type { InvoiceState } from '../domain/invoice.js';

// What is still to pay: the total less the payments received, never below 0 (as Invoice.amountDueMinor).
const amountDueMinor = (invoice: InvoiceState): number => Math.max(0, invoice.totalMinor - invoice.paidMinor);

function correspondence(invoice: InvoiceState, business: Business, customer: Customer) {
  if (invoice.number === null) throw new Error('the invoice is not issued');
  const money = (amountMinor: number) => ({ amountMinor, currency: invoice.currency });
  return {
    invoiceId: invoice.id,
    businessId: invoice.businessId,
    businessName: business.name,
    number: invoice.number,
    customerId: customer.id,
    customerName: customer.name,
    customerEmail: customer.email,
    total: money(invoice.totalMinor),
    amountDue: money(amountDueMinor(invoice)),
    dueDate: invoice.dueDate,
  };
}

/** `business.invoice.overdue` v1 of an invoice just marked overdue. */
export function invoiceOverduePayload(
  invoice: InvoiceState,
  business: Business,
  customer: Customer,
): PayloadOf<typeof InvoiceOverdueV1Contract> {
  if (invoice.overdueAt === null) throw new Error('the invoice is not marked overdue');
  return { ...correspondence(invoice, business, customer), overdueAt: invoice.overdueAt.toISOString() };
}

/** `business.invoice.reminder-due` v1 of a reminder just recorded. */
export function invoiceReminderDuePayload(
  invoice: InvoiceState,
  business: Business,
  customer: Customer,
  offsetDays: number,
  remindedAt: Date,
): PayloadOf<typeof InvoiceReminderDueV1Contract> {
  return { ...correspondence(invoice, business, customer), offsetDays, remindedAt: remindedAt.toISOString() };
}
