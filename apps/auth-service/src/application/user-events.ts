import {
  UserRegisteredV1Contract,
  type PayloadOf,
  type SessionsRevokedReason,
  type UserPasswordChangedV1Contract,
  type UserSessionsRevokedV1Contract,
} from '@platform/contracts';
import type { User } from '../domain/user.js';
import type { Transaction } from './ports/unit-of-work.port.js';

/** The payload of `auth.user.registered` v1 for a new user. */
export function userRegisteredPayload(user: User): PayloadOf<typeof UserRegisteredV1Contract> {
  return {
    userId: user.id,
    email: user.email.value,
    displayName: user.displayName.value,
    registeredAt: user.createdAt.toISOString(),
  };
}

/** The payload of `auth.user.password-changed` v1, after `user.changePassword`. */
export function passwordChangedPayload(user: User): PayloadOf<typeof UserPasswordChangedV1Contract> {
  return { userId: user.id, changedAt: user.passwordChangedAt.toISOString() };
}

/**
 * The payload of `auth.user.sessions-revoked` v1, after `user.logOutEverywhere` (or
 * `changePassword`): the user's cut-off as stored, which never moves back, to the millisecond.
 */
export function sessionsRevokedPayload(
  user: User,
  reason: SessionsRevokedReason,
): PayloadOf<typeof UserSessionsRevokedV1Contract> {
  const cutOff = user.tokensValidAfter;
  if (cutOff === undefined) throw new Error(`user ${user.id} has no tokensValidAfter: log them out first`);
  return { userId: user.id, tokensValidAfter: cutOff.toISOString(), reason };
}

/** Inserts a new user and its `auth.user.registered` event, in the caller's unit of work. */
export async function saveRegisteredUser(tx: Transaction, user: User, at: Date): Promise<void> {
  await tx.users.save(user);
  await tx.publish(UserRegisteredV1Contract, {
    aggregateId: user.id,
    payload: userRegisteredPayload(user),
    occurredAt: at,
  });
}
