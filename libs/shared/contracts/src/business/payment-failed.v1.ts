// @Type reads decorator metadata: load the polyfill here so the contract works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { CodePointLength } from '../common/code-point-length.js';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { Money } from '../common/money.js';
import { defineEvent } from '../define/define-event.js';
import { InvoiceCorrespondence } from './invoice-correspondence.js';
import { BUSINESS_PAYMENT_TOPIC_V1 } from './topics.js';

/** Payload of `business.payment.failed` v1: a payment of an invoice failed at the provider. */
export class PaymentFailedV1 extends InvoiceCorrespondence {
  /** Id of the payment (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  paymentId!: string;

  /** The amount that was not received. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  /** Why, as the provider said it; null when it said nothing. Always present. */
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsString()
  @CodePointLength(1, 500)
  reason!: string | null;

  /** When the failure was recorded, UTC ISO-8601. */
  @IsUtcTimestamp()
  failedAt!: string;
}

/** A payment failed. */
export const PaymentFailedV1Contract = defineEvent({
  type: 'business.payment.failed',
  version: 1,
  topic: BUSINESS_PAYMENT_TOPIC_V1,
  payload: PaymentFailedV1,
  description: 'A payment of an invoice failed at the provider; notification-service tells the customer.',
  example: {
    paymentId: '01964f55-3d4e-7f60-9a1b-2c3d4e5f6a7b',
    invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    businessName: 'Acme Consulting GmbH',
    number: 'ACME-2026-0007',
    customerId: '01964f52-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
    customerName: 'Globex Corporation',
    customerEmail: 'billing@globex.example',
    amount: { amountMinor: 50000, currency: 'EUR' },
    reason: 'card_declined',
    failedAt: '2026-02-10T14:22:31.000Z',
  },
});
