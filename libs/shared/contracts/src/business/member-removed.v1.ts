import { IsIn, IsString, IsUUID } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_ROLES, type BusinessRole } from './business-roles.js';
import { BUSINESS_MEMBER_TOPIC_V1 } from './topics.js';

/** Payload of `business.member.removed` v1: who no longer belongs to which business. */
export class BusinessMemberRemovedV1 {
  /** Id of the business (UUID v7), also the envelope's aggregateId: a business's members stay in order. */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Id of the user who was removed (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** The role they held until then. */
  @IsString()
  @IsIn(BUSINESS_ROLES)
  role!: BusinessRole;

  /** When they were removed, UTC ISO-8601; consumers ignore older member events of the same user. */
  @IsUtcTimestamp()
  removedAt!: string;
}

/** A user was removed from a business. */
export const BusinessMemberRemovedV1Contract = defineEvent({
  type: 'business.member.removed',
  version: 1,
  topic: BUSINESS_MEMBER_TOPIC_V1,
  payload: BusinessMemberRemovedV1,
  description:
    "An owner or admin removed a member from a business; notification-service stops the member's access to the business's notifications and webhooks and its owner e-mails.",
  example: {
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    userId: '01964f51-2b3c-7d4e-9f50-6a7b8c9d0e1f',
    role: 'accountant',
    removedAt: '2026-02-05T16:30:00.000Z',
  },
});
