import { IsUUID } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { AUTH_USER_TOPIC_V1 } from './topics.js';

/**
 * Payload of `auth.user.erasure-requested` v1: a person asked to be forgotten (or an admin erased
 * them). It names the user only by id: the services find what they hold of them through their own
 * records, and the event itself carries no personal data to erase later.
 */
export class UserErasureRequestedV1 {
  /** Id of the erasure (UUID v7): every service's confirmation names it. */
  @IsUUID(ID_UUID_VERSION)
  erasureId!: string;

  /** Id of the user to erase (UUID v7), also the envelope's aggregateId. */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** When the auth-service accepted the request, UTC ISO-8601. */
  @IsUtcTimestamp()
  requestedAt!: string;
}

/** A user is being erased: every service erases or anonymises what it holds of them, then confirms. */
export const UserErasureRequestedV1Contract = defineEvent({
  type: 'auth.user.erasure-requested',
  version: 1,
  topic: AUTH_USER_TOPIC_V1,
  payload: UserErasureRequestedV1,
  description:
    'A user was erased at the auth-service (sessions ended, credentials deleted); each service erases or anonymises its records of them and confirms with its own erasure.completed event.',
  example: {
    erasureId: '01964f60-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
    userId: '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e',
    requestedAt: '2026-03-01T09:15:00.000Z',
  },
});
