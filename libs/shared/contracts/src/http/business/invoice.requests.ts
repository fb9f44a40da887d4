import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../business/invoice-statuses.js';
import { IsCalendarDate } from '../../common/calendar-date.js';
import { CodePointLength } from '../../common/code-point-length.js';
import { OmittableNotNull } from '../common/optional.js';
import { PageQuery } from '../common/page.query.js';
import { CURRENCY_PATTERN, VISIBLE_TEXT_PATTERN } from '../common/text-patterns.js';

// Request bodies and queries of the invoices of a business. Same rules as business.requests.ts:
// class-validator and `@ApiProperty` state the same bounds. Ids in requests are checked as any
// UUID, as `format: uuid` means; one this service never minted simply finds nothing.

/** Most lines an invoice holds. */
export const MAX_INVOICE_LINES = 100;
/** Largest quantity of one line. */
export const MAX_LINE_QUANTITY = 1_000_000;
/** Largest unit amount of one line, in minor units (one billion in a two-decimal currency). */
export const MAX_UNIT_AMOUNT_MINOR = 100_000_000_000;
/** Largest tax rate, in basis points: 10 000 is 100 %. */
export const MAX_TAX_RATE_BPS = 10_000;

const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN);

const CUSTOMER_ID = { format: 'uuid', description: 'A customer of this business (UUID v7).' } as const;
const CURRENCY = {
  pattern: CURRENCY_PATTERN,
  example: 'EUR',
  description: 'ISO 4217 code in upper case; defaults to the business’s currency. One currency per invoice.',
} as const;
const DUE_DATE = { format: 'date', example: '2026-03-04', description: 'Day payment is due (YYYY-MM-DD).' } as const;
const LINES = {
  minItems: 1,
  maxItems: MAX_INVOICE_LINES,
  description: `1 to ${MAX_INVOICE_LINES} lines, in the order they are printed.`,
} as const;

/** One line of an invoice: what, how many, at what unit price and tax rate. */
export class InvoiceLineRequest {
  @ApiProperty({ minLength: 1, maxLength: 500, pattern: VISIBLE_TEXT_PATTERN, example: 'Consulting, January 2026' })
  @IsString()
  @CodePointLength(1, 500)
  @Matches(VISIBLE)
  description!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY, example: 12 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_UNIT_AMOUNT_MINOR,
    example: 9500,
    description: 'Price of one unit before tax, in minor units of the invoice currency.',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_UNIT_AMOUNT_MINOR)
  unitAmountMinor!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_TAX_RATE_BPS,
    example: 1900,
    description: 'Tax rate in basis points: 1900 is 19 %; 0 when omitted.',
  })
  @OmittableNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_TAX_RATE_BPS)
  taxRateBps?: number;
}

/** A new draft invoice. */
export class CreateInvoiceRequest {
  @ApiProperty(CUSTOMER_ID)
  @IsUUID('loose')
  customerId!: string;

  @ApiPropertyOptional(CURRENCY)
  @OmittableNotNull()
  @IsString()
  @Matches(new RegExp(CURRENCY_PATTERN))
  currency?: string;

  @ApiProperty(DUE_DATE)
  @IsCalendarDate()
  dueDate!: string;

  @ApiProperty({ type: () => InvoiceLineRequest, isArray: true, ...LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVOICE_LINES)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineRequest)
  lines!: InvoiceLineRequest[];
}

/** Changes to a draft; a field left out stays as it is, `lines` replaces every line. */
export class UpdateInvoiceRequest {
  @ApiPropertyOptional(CUSTOMER_ID)
  @OmittableNotNull()
  @IsUUID('loose')
  customerId?: string;

  @ApiPropertyOptional({ ...CURRENCY, description: 'ISO 4217 code in upper case. One currency per invoice.' })
  @OmittableNotNull()
  @IsString()
  @Matches(new RegExp(CURRENCY_PATTERN))
  currency?: string;

  @ApiPropertyOptional(DUE_DATE)
  @OmittableNotNull()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({ type: () => InvoiceLineRequest, isArray: true, ...LINES })
  @OmittableNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVOICE_LINES)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineRequest)
  lines?: InvoiceLineRequest[];
}

/** Why an issued invoice is voided; the reason is kept with it and sent to the customer. */
export class VoidInvoiceRequest {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 500,
    pattern: VISIBLE_TEXT_PATTERN,
    example: 'Wrong billing address',
  })
  @OmittableNotNull()
  @IsString()
  @CodePointLength(1, 500)
  @Matches(VISIBLE)
  reason?: string;
}

/** Filters of the invoice list, besides the page. */
export class ListInvoicesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: INVOICE_STATUSES,
    enumName: 'InvoiceStatus',
    description: 'Only invoices in this status.',
  })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only invoices of this customer.' })
  @IsOptional()
  @IsUUID('loose')
  customerId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only invoices due before this day (exclusive).' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only invoices due after this day (exclusive).' })
  @IsOptional()
  @IsCalendarDate()
  dueAfter?: string;
}
