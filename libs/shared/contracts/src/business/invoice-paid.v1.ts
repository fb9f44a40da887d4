// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, IsUUID, ValidateNested } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_INVOICE_TOPIC_V1 } from './topics.js';

/** Payload of `business.invoice.paid` v1: which payment settled which invoice, and for how much. */
export class InvoicePaidV1 {
  /** Id of the paid invoice (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  invoiceId!: string;

  /** Id of the business the invoice belongs to (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Id of the payment that settled it (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  paymentId!: string;

  /** Amount received. */
  // ValidateNested alone lets a missing object through; IsObject makes it required.
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  /** When the payment was recorded, UTC ISO-8601. */
  @IsUtcTimestamp()
  paidAt!: string;
}

/** An invoice was paid. */
export const InvoicePaidV1Contract = defineEvent({
  type: 'business.invoice.paid',
  version: 1,
  topic: BUSINESS_INVOICE_TOPIC_V1,
  payload: InvoicePaidV1,
  description: 'A payment settled an invoice; notification-service sends the receipt.',
  example: {
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    paymentId: '01964f55-3d4e-7f60-9a1b-2c3d4e5f6a7b',
    amount: { amountMinor: 129900, currency: 'EUR' },
    paidAt: '2026-02-10T14:22:31.000Z',
  },
});
