import { IsEmail, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { CodePointLength } from '../common/code-point-length.js';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_ROLES, type BusinessRole } from './business-roles.js';
import { BUSINESS_MEMBER_TOPIC_V1 } from './topics.js';

/** Payload of `business.member.added` v1: who joined which business with which role, enough to tell them. */
export class BusinessMemberAddedV1 {
  /** Id of the business (UUID v7), also the envelope's aggregateId: a business's members stay in order. */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Name of the business, to address the e-mail without a lookup. */
  @IsString()
  @CodePointLength(1, 200)
  businessName!: string;

  /** Id of the user who was added (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** Where to tell them; consumers mask it in logs. */
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** Name to address them by. */
  @IsString()
  @CodePointLength(1, 100)
  displayName!: string;

  /** Their role in the business. */
  @IsString()
  @IsIn(BUSINESS_ROLES)
  role!: BusinessRole;

  /** When they were added, UTC ISO-8601. */
  @IsUtcTimestamp()
  addedAt!: string;
}

/** A user was added to a business. */
export const BusinessMemberAddedV1Contract = defineEvent({
  type: 'business.member.added',
  version: 1,
  topic: BUSINESS_MEMBER_TOPIC_V1,
  payload: BusinessMemberAddedV1,
  description:
    'An owner or admin added a user to a business; notification-service tells the user which business and role.',
  example: {
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    businessName: 'Acme Consulting GmbH',
    userId: '01964f51-2b3c-7d4e-9f50-6a7b8c9d0e1f',
    email: 'grace@example.com',
    displayName: 'Grace Hopper',
    role: 'accountant',
    addedAt: '2026-02-01T09:00:00.000Z',
  },
});
