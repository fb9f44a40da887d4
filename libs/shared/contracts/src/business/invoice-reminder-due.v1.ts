// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { InvoiceCorrespondence } from './invoice-correspondence.js';
import { BUSINESS_INVOICE_TOPIC_V1 } from './topics.js';

/** Payload of `business.invoice.reminder-due` v1: a dunning reminder of an unpaid invoice is due. */
export class InvoiceReminderDueV1 extends InvoiceCorrespondence {
  /** Days from the due date: -3 is three days before it, 7 a week after. One reminder per invoice and offset. */
  @IsInt()
  @Min(-365)
  @Max(365)
  offsetDays!: number;

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

  /** The day it is (or was) due, `YYYY-MM-DD`. */
  @IsCalendarDate()
  dueDate!: string;

  /** When the reminder became due and was recorded, UTC ISO-8601. */
  @IsUtcTimestamp()
  remindedAt!: string;
}

/** A dunning reminder is due; notification-service sends it. */
export const InvoiceReminderDueV1Contract = defineEvent({
  type: 'business.invoice.reminder-due',
  version: 1,
  topic: BUSINESS_INVOICE_TOPIC_V1,
  payload: InvoiceReminderDueV1,
  description:
    'A dunning reminder of an unpaid invoice is due (at most once per invoice and offset); notification-service e-mails the customer.',
  example: {
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    businessName: 'Acme Consulting GmbH',
    number: 'ACME-2026-0007',
    customerId: '01964f52-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
    customerName: 'Globex Corporation',
    customerEmail: 'billing@globex.example',
    offsetDays: -3,
    total: { amountMinor: 160650, currency: 'EUR' },
    amountDue: { amountMinor: 160650, currency: 'EUR' },
    dueDate: '2026-03-01',
    remindedAt: '2026-02-26T00:05:00.000Z',
  },
});
