import { IsIn, IsString, IsUUID } from 'class-validator';
import { ID_UUID_VERSION } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { defineEvent } from '../define/define-event.js';
import { AUTH_USER_TOPIC_V1 } from './topics.js';

/** Why every session of a user ended; `erased`: the account was erased (docs/decisions/0015). */
export const SESSIONS_REVOKED_REASONS = ['logout_all', 'password_changed', 'erased'] as const;
export type SessionsRevokedReason = (typeof SESSIONS_REVOKED_REASONS)[number];

/** Payload of `auth.user.sessions-revoked` v1: whose tokens stop counting, and from when. */
export class UserSessionsRevokedV1 {
  /** Id of the user whose sessions ended (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  userId!: string;

  /**
   * Access tokens issued before this instant are refused; UTC ISO-8601 with milliseconds, the
   * precision of the issue instant a token carries in its `jti` (a UUID v7). It never moves back:
   * a later event for the same user carries the same or a later instant.
   */
  @IsUtcTimestamp()
  tokensValidAfter!: string;

  /** What ended the sessions: "log out everywhere", a password change or the account's erasure. */
  @IsString()
  @IsIn(SESSIONS_REVOKED_REASONS)
  reason!: SessionsRevokedReason;
}

/** Every session of a user ended: access tokens issued before `tokensValidAfter` must be refused. */
export const UserSessionsRevokedV1Contract = defineEvent({
  type: 'auth.user.sessions-revoked',
  version: 1,
  topic: AUTH_USER_TOPIC_V1,
  payload: UserSessionsRevokedV1,
  description:
    'A user logged out everywhere, changed their password or was erased; the gateway refuses access tokens issued before tokensValidAfter.',
  example: {
    userId: '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e',
    tokensValidAfter: '2026-02-01T18:05:12.345Z',
    reason: 'password_changed',
  },
});
