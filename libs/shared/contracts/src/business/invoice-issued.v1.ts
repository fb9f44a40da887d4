// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_INVOICE_TOPIC_V1 } from './topics.js';

/** Payload of `business.invoice.issued` v1: enough to send the invoice, not the invoice itself. */
export class InvoiceIssuedV1 {
  /** Id of the invoice (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  invoiceId!: string;

  /** Id of the issuing business (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Human-facing invoice number, unique per business, e.g. `2026-0042`. */
  @IsString()
  @Length(1, 64)
  number!: string;

  /** Where the invoice is sent; the only personal data of the customer that consumers need. */
  @IsEmail()
  @MaxLength(254)
  customerEmail!: string;

  /** Amount due. */
  // ValidateNested alone lets a missing object through; IsObject makes it required.
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  total!: Money;

  /** When the invoice was issued, UTC ISO-8601. */
  @IsUtcTimestamp()
  issuedAt!: string;

  /** When payment is due, UTC ISO-8601. */
  @IsUtcTimestamp()
  dueAt!: string;
}

/** A business issued an invoice to a customer. */
export const InvoiceIssuedV1Contract = defineEvent({
  type: 'business.invoice.issued',
  version: 1,
  topic: BUSINESS_INVOICE_TOPIC_V1,
  payload: InvoiceIssuedV1,
  description: 'A business issued an invoice; notification-service e-mails it to the customer.',
  example: {
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    number: '2026-0042',
    customerEmail: 'billing@customer.example',
    total: { amountMinor: 129900, currency: 'EUR' },
    issuedAt: '2026-02-02T10:00:00.000Z',
    dueAt: '2026-03-04T10:00:00.000Z',
  },
});
