import { IsUUID } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { AUTH_USER_TOPIC_V1 } from './topics.js';

/** Payload of `auth.user.password-changed` v1: no credential material, only who and when. */
export class UserPasswordChangedV1 {
  /** Id of the user whose password changed (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** When the new password took effect, UTC ISO-8601. */
  @IsUtcTimestamp()
  changedAt!: string;
}

/** A user's password was changed. */
export const UserPasswordChangedV1Contract = defineEvent({
  type: 'auth.user.password-changed',
  version: 1,
  topic: AUTH_USER_TOPIC_V1,
  payload: UserPasswordChangedV1,
  description: 'A user changed their password; notification-service warns them in case it was not them.',
  example: {
    userId: '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e',
    changedAt: '2026-02-01T18:05:12.345Z',
  },
});
