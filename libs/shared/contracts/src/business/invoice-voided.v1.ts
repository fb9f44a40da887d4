// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { CodePointLength } from '../common/code-point-length.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { InvoiceCorrespondence } from './invoice-correspondence.js';
import { BUSINESS_INVOICE_TOPIC_V1 } from './topics.js';

/**
 * Payload of `business.invoice.voided` v1: which issued invoice no longer counts (its number is
 * kept), enough to tell the customer.
 */
export class InvoiceVoidedV1 extends InvoiceCorrespondence {
  /** The total that is no longer due. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  total!: Money;

  /** Why, as the business wrote it; null when it gave none. Always present. */
  // null is a value here; only a string is checked further.
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsString()
  @CodePointLength(1, 500)
  reason!: string | null;

  /** When it was voided, UTC ISO-8601. */
  @IsUtcTimestamp()
  voidedAt!: string;
}

/** An issued invoice was voided. */
export const InvoiceVoidedV1Contract = defineEvent({
  type: 'business.invoice.voided',
  version: 1,
  topic: BUSINESS_INVOICE_TOPIC_V1,
  payload: InvoiceVoidedV1,
  description: 'A business voided an issued invoice; notification-service tells the customer it is no longer due.',
  example: {
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    businessName: 'Acme Consulting GmbH',
    number: 'ACME-2026-0007',
    customerId: '01964f52-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
    customerName: 'Globex Corporation',
    customerEmail: 'billing@globex.example',
    total: { amountMinor: 160650, currency: 'EUR' },
    reason: 'Wrong billing address',
    voidedAt: '2026-02-03T08:00:00.000Z',
  },
});
