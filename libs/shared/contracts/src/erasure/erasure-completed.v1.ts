import { IsInt, IsUUID, Min } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';

/** The topic of each service's erasure confirmations: `<domain>.erasure.v1`. */
export const BUSINESS_ERASURE_TOPIC_V1 = 'business.erasure.v1';
export const NOTIFICATION_ERASURE_TOPIC_V1 = 'notification.erasure.v1';

/**
 * Payload of `<domain>.erasure.completed` v1, the same for every service: it has done its part of
 * an erasure (the envelope's `source` says which service). Sent once per erasure and service,
 * also when the service held nothing of the person (`recordsChanged` 0).
 */
export class ErasureCompletedV1 {
  /** The erasure (`auth.user.erasure-requested`'s `erasureId`). */
  @IsUUID(ID_UUID_VERSION)
  erasureId!: string;

  /** The erased user (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** Rows deleted or anonymised by this service (for the audit trail; no personal data). */
  @IsInt()
  @Min(0)
  recordsChanged!: number;

  /** When the service committed its part, UTC ISO-8601. */
  @IsUtcTimestamp()
  completedAt!: string;
}

const EXAMPLE = {
  erasureId: '01964f60-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  userId: '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e',
  recordsChanged: 7,
  completedAt: '2026-03-01T09:15:02.000Z',
};

/** The business-service anonymised the person in its directory and memberships (invoices stay, as legal records). */
export const BusinessErasureCompletedV1Contract = defineEvent({
  type: 'business.erasure.completed',
  version: 1,
  topic: BUSINESS_ERASURE_TOPIC_V1,
  payload: ErasureCompletedV1,
  description:
    'The business-service has anonymised an erased user in its directory and memberships; the auth-service records the confirmation.',
  example: EXAMPLE,
});

/** The notification-service deleted the person's notifications, preferences and read models. */
export const NotificationErasureCompletedV1Contract = defineEvent({
  type: 'notification.erasure.completed',
  version: 1,
  topic: NOTIFICATION_ERASURE_TOPIC_V1,
  payload: ErasureCompletedV1,
  description:
    "The notification-service has deleted an erased user's notification history, preferences and read models, and sends them nothing more; the auth-service records the confirmation.",
  example: EXAMPLE,
});
