import { IsISO4217CurrencyCode, IsString, IsUUID, Matches } from 'class-validator';
import { CodePointLength } from '../common/code-point-length.js';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_BUSINESS_TOPIC_V1 } from './topics.js';

/** Payload of `business.business.created` v1: a new tenant and the user who owns it. */
export class BusinessCreatedV1 {
  /** Id of the business (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Its name, as printed on invoices and e-mails. */
  @IsString()
  @CodePointLength(1, 200)
  name!: string;

  /** Default currency of its invoices, ISO 4217 in upper case. */
  @IsISO4217CurrencyCode()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be 3 upper-case letters' })
  currency!: string;

  /** Prefix of its invoice numbers (`<prefix>-<year>-<sequence>`). */
  @IsString()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: '$property must be 1 to 10 upper-case letters or digits' })
  invoicePrefix!: string;

  /** The user who created it and became its first `owner` (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  ownerUserId!: string;

  /** When it was created, UTC ISO-8601. */
  @IsUtcTimestamp()
  createdAt!: string;
}

/** A user created a business and became its owner. */
export const BusinessCreatedV1Contract = defineEvent({
  type: 'business.business.created',
  version: 1,
  topic: BUSINESS_BUSINESS_TOPIC_V1,
  payload: BusinessCreatedV1,
  description:
    'A user created a business and became its owner; notification-service records the sender name of its e-mails and may welcome the owner.',
  example: {
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    name: 'Acme Consulting GmbH',
    currency: 'EUR',
    invoicePrefix: 'ACME',
    ownerUserId: '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e',
    createdAt: '2026-01-31T10:15:00.000Z',
  },
});
