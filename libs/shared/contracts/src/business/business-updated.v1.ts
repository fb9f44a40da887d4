import { IsString, IsUUID, Matches } from 'class-validator';
import { CodePointLength } from '../common/code-point-length.js';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_BUSINESS_TOPIC_V1 } from './topics.js';

/** Payload of `business.business.updated` v1: the business's changeable fields as they are now (a state, not a diff). */
export class BusinessUpdatedV1 {
  /** Id of the business (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Its name after the change. */
  @IsString()
  @CodePointLength(1, 200)
  name!: string;

  /** Prefix of its invoice numbers after the change; numbers already issued keep theirs. */
  @IsString()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: '$property must be 1 to 10 upper-case letters or digits' })
  invoicePrefix!: string;

  /** When it changed, UTC ISO-8601. */
  @IsUtcTimestamp()
  updatedAt!: string;
}

/** A business changed its name or invoice prefix. */
export const BusinessUpdatedV1Contract = defineEvent({
  type: 'business.business.updated',
  version: 1,
  topic: BUSINESS_BUSINESS_TOPIC_V1,
  payload: BusinessUpdatedV1,
  description:
    'A business changed its name or invoice prefix; consumers holding a copy (notification-service’s sender name) replace it.',
  example: {
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    name: 'Acme Consulting AG',
    invoicePrefix: 'ACME',
    updatedAt: '2026-02-01T08:00:00.000Z',
  },
});
