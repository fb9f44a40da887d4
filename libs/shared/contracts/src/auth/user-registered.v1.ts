import { IsEmail, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { AUTH_USER_TOPIC_V1 } from './topics.js';

/** Payload of `auth.user.registered` v1: what other services need to greet a new user, nothing more. */
export class UserRegisteredV1 {
  /** Id of the new user (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /** Address the user registered with; consumers mask it in logs. */
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** Name to address the user by. */
  @IsString()
  @Length(1, 100)
  displayName!: string;

  /** When the account was created, UTC ISO-8601. */
  @IsUtcTimestamp()
  registeredAt!: string;
}

/** A user created an account. */
export const UserRegisteredV1Contract = defineEvent({
  type: 'auth.user.registered',
  version: 1,
  topic: AUTH_USER_TOPIC_V1,
  payload: UserRegisteredV1,
  description: 'A user created an account; notification-service sends the welcome e-mail.',
  example: {
    userId: '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e',
    email: 'ada@example.com',
    displayName: 'Ada Lovelace',
    registeredAt: '2026-01-31T09:30:00.000Z',
  },
});
