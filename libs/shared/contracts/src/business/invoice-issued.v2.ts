// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsISO4217CurrencyCode,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.js';
import { CodePointLength } from '../common/code-point-length.js';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_INVOICE_TOPIC_V1 } from './topics.js';

/** One line of an issued invoice, with the amounts the business-service computed (all in the invoice currency). */
export class InvoiceIssuedV2Line {
  /** What was sold, as printed. */
  @IsString()
  @CodePointLength(1, 500)
  description!: string;

  /** How many units. */
  @IsInt()
  @Min(1)
  quantity!: number;

  /** Price of one unit before tax. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  unitAmount!: Money;

  /** Tax rate in basis points: 1900 is 19 %. */
  @IsInt()
  @Min(0)
  @Max(10_000)
  taxRateBps!: number;

  /** quantity × unitAmount, before tax. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  subtotal!: Money;

  /** Tax of this line. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  tax!: Money;

  /** subtotal + tax. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  total!: Money;
}

/**
 * Payload of `business.invoice.issued` v2: everything the invoice e-mail shows, so that
 * notification-service writes it from the event alone. v1 carried only the number, the address
 * and the total.
 */
export class InvoiceIssuedV2 {
  /** Id of the invoice (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  invoiceId!: string;

  /** Id of the issuing business (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Name of the issuing business, the sender of the e-mail. */
  @IsString()
  @CodePointLength(1, 200)
  businessName!: string;

  /** Id of the customer (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  customerId!: string;

  /** Name of the customer, to address the e-mail. */
  @IsString()
  @CodePointLength(1, 200)
  customerName!: string;

  /** Where the invoice is sent; consumers mask it in logs. */
  @IsEmail()
  @MaxLength(254)
  customerEmail!: string;

  /** Invoice number, unique per business: `<prefix>-<year>-<sequence>`, e.g. `ACME-2026-0007`. */
  @IsString()
  @Length(1, 64)
  number!: string;

  /** The one currency of the invoice and every amount on it, ISO 4217 in upper case. */
  @IsISO4217CurrencyCode()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be 3 upper-case letters' })
  currency!: string;

  /** Day payment is due, `YYYY-MM-DD` (a calendar day, not an instant). */
  @IsCalendarDate()
  dueDate!: string;

  /** The lines, in the order they are printed. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvoiceIssuedV2Line)
  lines!: InvoiceIssuedV2Line[];

  /** Total before tax. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  subtotal!: Money;

  /** Tax of the invoice. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  tax!: Money;

  /** Amount due: subtotal + tax. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  total!: Money;

  /** When the invoice was issued, UTC ISO-8601. */
  @IsUtcTimestamp()
  issuedAt!: string;
}

/** A business issued an invoice to a customer (v2: the whole invoice as e-mailed). */
export const InvoiceIssuedV2Contract = defineEvent({
  type: 'business.invoice.issued',
  version: 2,
  topic: BUSINESS_INVOICE_TOPIC_V1,
  payload: InvoiceIssuedV2,
  description:
    'A business issued an invoice; notification-service e-mails it to the customer from this event alone (business and customer names, lines, totals, due date).',
  example: {
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    businessName: 'Acme Consulting GmbH',
    customerId: '01964f52-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
    customerName: 'Globex Corporation',
    customerEmail: 'billing@globex.example',
    number: 'ACME-2026-0007',
    currency: 'EUR',
    dueDate: '2026-03-04',
    lines: [
      {
        description: 'Consulting, January 2026',
        quantity: 12,
        unitAmount: { amountMinor: 9500, currency: 'EUR' },
        taxRateBps: 1900,
        subtotal: { amountMinor: 114000, currency: 'EUR' },
        tax: { amountMinor: 21660, currency: 'EUR' },
        total: { amountMinor: 135660, currency: 'EUR' },
      },
      {
        description: 'Travel expenses',
        quantity: 1,
        unitAmount: { amountMinor: 24990, currency: 'EUR' },
        taxRateBps: 0,
        subtotal: { amountMinor: 24990, currency: 'EUR' },
        tax: { amountMinor: 0, currency: 'EUR' },
        total: { amountMinor: 24990, currency: 'EUR' },
      },
    ],
    subtotal: { amountMinor: 138990, currency: 'EUR' },
    tax: { amountMinor: 21660, currency: 'EUR' },
    total: { amountMinor: 160650, currency: 'EUR' },
    issuedAt: '2026-02-02T10:00:00.000Z',
  },
});
