import { IsIn, IsString, IsUUID } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { BUSINESS_ROLES, type BusinessRole } from './business-roles.js';
import { BUSINESS_MEMBER_TOPIC_V1 } from './topics.js';

/** Payload of `business.member.role-changed` v1: a member's new role in a business, and the one it replaced. */
export class BusinessMemberRoleChangedV1 {
  /** Id of the business (UUID v7), also the envelope's aggregateId: a business's members stay in order. */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Id of the member whose role changed (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** Their role from now on. */
  @IsString()
  @IsIn(BUSINESS_ROLES)
  role!: BusinessRole;

  /** The role they held until then (never the same as `role`: a change to the same role publishes nothing). */
  @IsString()
  @IsIn(BUSINESS_ROLES)
  previousRole!: BusinessRole;

  /** When the role changed, UTC ISO-8601; consumers ignore older member events of the same user. */
  @IsUtcTimestamp()
  changedAt!: string;
}

/** A member's role in a business changed. */
export const BusinessMemberRoleChangedV1Contract = defineEvent({
  type: 'business.member.role-changed',
  version: 1,
  topic: BUSINESS_MEMBER_TOPIC_V1,
  payload: BusinessMemberRoleChangedV1,
  description:
    "An owner or admin changed a member's role; notification-service applies it to who may manage the business's webhooks and who gets its owner e-mails.",
  example: {
    businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    userId: '01964f51-2b3c-7d4e-9f50-6a7b8c9d0e1f',
    role: 'admin',
    previousRole: 'accountant',
    changedAt: '2026-02-03T11:45:00.000Z',
  },
});
