import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '../common/money.response.js';
import { CURRENCY_PATTERN } from '../common/text-patterns.js';
import { RECURRING_CADENCES, type RecurringCadence } from './recurring-invoice.requests.js';

/** Where a recurring invoice is in its life. */
export const RECURRING_INVOICE_STATUSES = ['active', 'paused', 'ended'] as const;
export type RecurringInvoiceStatus = (typeof RECURRING_INVOICE_STATUSES)[number];

/** One line a recurring invoice copies onto each invoice. */
export class RecurringInvoiceLineResponse {
  @ApiProperty({ example: 'Hosting, monthly' })
  description!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  quantity!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'Price of one unit before tax.' })
  unitAmount!: MoneyResponse;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10_000, example: 1900, description: 'Basis points.' })
  taxRateBps!: number;
}

/** A recurring invoice: the schedule that makes one invoice per period. */
export class RecurringInvoiceResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  businessId!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: () => RecurringInvoiceLineResponse, isArray: true })
  lines!: RecurringInvoiceLineResponse[];

  @ApiProperty({ enum: RECURRING_CADENCES, enumName: 'RecurringCadence' })
  cadence!: RecurringCadence;

  @ApiProperty({ format: 'date', example: '2026-05-01', description: 'The next period to invoice.' })
  nextDate!: string;

  @ApiProperty()
  autoIssue!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 365 })
  paymentTermDays!: number;

  @ApiProperty({ enum: RECURRING_INVOICE_STATUSES, enumName: 'RecurringInvoiceStatus' })
  status!: RecurringInvoiceStatus;

  @ApiProperty({ type: 'integer', description: 'Grows with every change.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** One page of the recurring invoices of a business. */
export class RecurringInvoicePageResponse {
  @ApiProperty({ type: () => RecurringInvoiceResponse, isArray: true })
  items!: RecurringInvoiceResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
