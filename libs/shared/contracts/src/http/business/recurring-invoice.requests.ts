import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.js';
import { OmittableNotNull } from '../common/optional.js';
import { CURRENCY_PATTERN } from '../common/text-patterns.js';
import { InvoiceLineRequest, MAX_INVOICE_LINES } from './invoice.requests.js';

// Request bodies of the recurring invoices of a business: a schedule that makes one invoice per
// period. Same rules as invoice.requests.ts: class-validator and `@ApiProperty` state the same bounds.

/** How often a recurring invoice is made. */
export const RECURRING_CADENCES = ['monthly', 'weekly'] as const;
export type RecurringCadence = (typeof RECURRING_CADENCES)[number];
/** Longest payment term, in days. */
export const MAX_PAYMENT_TERM_DAYS = 365;

const CUSTOMER_ID = { format: 'uuid', description: 'A customer of this business (UUID v7).' } as const;
const CADENCE = {
  enum: RECURRING_CADENCES,
  enumName: 'RecurringCadence',
  description: 'monthly: same day each month (the month’s last day when shorter); weekly: every 7 days.',
} as const;
const AUTO_ISSUE = {
  description: 'true: each invoice is issued (numbered, sent); false: left as a draft to review and issue.',
} as const;
const TERM = {
  type: 'integer',
  minimum: 0,
  maximum: MAX_PAYMENT_TERM_DAYS,
  example: 14,
  description: 'Each invoice is due this many days after its period’s date.',
} as const;
const LINES = {
  minItems: 1,
  maxItems: MAX_INVOICE_LINES,
  description: `1 to ${MAX_INVOICE_LINES} lines, copied onto every invoice.`,
} as const;

/** A new recurring invoice. */
export class CreateRecurringInvoiceRequest {
  @ApiProperty(CUSTOMER_ID)
  @IsUUID('loose')
  customerId!: string;

  @ApiPropertyOptional({
    pattern: CURRENCY_PATTERN,
    example: 'EUR',
    description: 'ISO 4217; defaults to the business’s currency.',
  })
  @OmittableNotNull()
  @IsString()
  @Matches(new RegExp(CURRENCY_PATTERN))
  currency?: string;

  @ApiProperty({ type: () => InvoiceLineRequest, isArray: true, ...LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVOICE_LINES)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineRequest)
  lines!: InvoiceLineRequest[];

  @ApiProperty(CADENCE)
  @IsIn(RECURRING_CADENCES)
  cadence!: RecurringCadence;

  @ApiProperty({ format: 'date', example: '2026-04-01', description: 'The first period’s date (YYYY-MM-DD).' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty(AUTO_ISSUE)
  @IsBoolean()
  autoIssue!: boolean;

  @ApiProperty(TERM)
  @IsInt()
  @Min(0)
  @Max(MAX_PAYMENT_TERM_DAYS)
  paymentTermDays!: number;
}

/** Changes to a recurring invoice (pause, resume, lines, cadence...); a field left out stays as it is. */
export class UpdateRecurringInvoiceRequest {
  @ApiPropertyOptional(CUSTOMER_ID)
  @OmittableNotNull()
  @IsUUID('loose')
  customerId?: string;

  @ApiPropertyOptional({ type: () => InvoiceLineRequest, isArray: true, ...LINES })
  @OmittableNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVOICE_LINES)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineRequest)
  lines?: InvoiceLineRequest[];

  @ApiPropertyOptional(CADENCE)
  @OmittableNotNull()
  @IsIn(RECURRING_CADENCES)
  cadence?: RecurringCadence;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-05-01',
    description: 'Moves the next period (and the day a monthly schedule keeps to).',
  })
  @OmittableNotNull()
  @IsCalendarDate()
  nextDate?: string;

  @ApiPropertyOptional(AUTO_ISSUE)
  @OmittableNotNull()
  @IsBoolean()
  autoIssue?: boolean;

  @ApiPropertyOptional(TERM)
  @OmittableNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_PAYMENT_TERM_DAYS)
  paymentTermDays?: number;

  @ApiPropertyOptional({
    enum: ['active', 'paused'],
    description: 'paused: no invoices until resumed; resuming skips the periods of the pause. End with DELETE.',
  })
  @OmittableNotNull()
  @IsIn(['active', 'paused'])
  status?: 'active' | 'paused';
}
