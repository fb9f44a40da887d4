// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { InvoiceCorrespondence } from './invoice-correspondence.js';
import { BUSINESS_INVOICE_TOPIC_V1 } from './topics.js';

/** Payload of `business.invoice.overdue` v1: an issued invoice passed its due date unpaid. */
export class InvoiceOverdueV1 extends InvoiceCorrespondence {
  /** The invoice's total. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  total!: Money;

  /** What is still to pay: the total less the payments received. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amountDue!: Money;

  /** The day it was due, `YYYY-MM-DD`. */
  @IsCalendarDate()
  dueDate!: string;

  /** When the business-service marked it overdue, UTC ISO-8601. */
  @IsUtcTimestamp()
  overdueAt!: string;
}

/** An issued invoice became overdue; published once per invoice. */
export const InvoiceOverdueV1Contract = defineEvent({
  type: 'business.invoice.overdue',
  version: 1,
  topic: BUSINESS_INVOICE_TOPIC_V1,
  payload: InvoiceOverdueV1,
  description:
    'An issued invoice passed its due date unpaid (once per invoice); notification-service tells the customer.',
  example: {
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    businessName: 'Acme Consulting GmbH',
    number: 'ACME-2026-0007',
    customerId: '01964f52-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
    customerName: 'Globex Corporation',
    customerEmail: 'billing@globex.example',
    total: { amountMinor: 160650, currency: 'EUR' },
    amountDue: { amountMinor: 60650, currency: 'EUR' },
    dueDate: '2026-03-01',
    overdueAt: '2026-03-02T00:05:00.000Z',
  },
});
