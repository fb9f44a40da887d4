import { ApiProperty } from '@nestjs/swagger';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../business/invoice-statuses.js';
import { MoneyResponse } from '../common/money.response.js';
import { CURRENCY_PATTERN } from '../common/text-patterns.js';

// What the public business API answers about invoices. Every amount is a MoneyResponse in the
// invoice's currency.

/** One line of an invoice with its computed amounts. */
export class InvoiceLineResponse {
  @ApiProperty({ example: 'Consulting, January 2026' })
  description!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 12 })
  quantity!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'Price of one unit before tax.' })
  unitAmount!: MoneyResponse;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 10_000,
    example: 1900,
    description: 'Basis points: 1900 is 19 %.',
  })
  taxRateBps!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'quantity × unit amount, before tax.' })
  subtotal!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse, description: 'Tax of this line.' })
  tax!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse, description: 'subtotal + tax.' })
  total!: MoneyResponse;
}

/** An invoice of a business, in any status. */
export class InvoiceResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  businessId!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'ACME-2026-0007',
    description: '`<prefix>-<year>-<sequence>`, assigned when the invoice is issued; null on a draft.',
  })
  number!: string | null;

  @ApiProperty({ enum: INVOICE_STATUSES, enumName: 'InvoiceStatus' })
  status!: InvoiceStatus;

  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR' })
  currency!: string;

  @ApiProperty({ format: 'date', example: '2026-03-04' })
  dueDate!: string;

  @ApiProperty({ type: () => InvoiceLineResponse, isArray: true })
  lines!: InvoiceLineResponse[];

  @ApiProperty({ type: () => MoneyResponse, description: 'Total before tax.' })
  subtotal!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse, description: 'Tax of the invoice.' })
  tax!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse, description: 'Amount due: subtotal + tax.' })
  total!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse, description: 'Sum of the succeeded payments.' })
  paid!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse, description: 'What is still owed: total − paid, never below 0.' })
  amountDue!: MoneyResponse;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null until issued.' })
  issuedAt!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null unless voided.' })
  voidedAt!: string | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the invoice was found past its due date unpaid; it stays `issued`. null otherwise.',
  })
  overdueAt!: string | null;

  @ApiProperty({
    type: 'integer',
    description: 'Grows with every change; the `ETag` is derived from it, and `If-Match` must name it.',
  })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** One page of the invoices of a business. */
export class InvoicePageResponse {
  @ApiProperty({ type: () => InvoiceResponse, isArray: true })
  items!: InvoiceResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
