import { UserRegisteredV1Contract, type PayloadOf, type UserPasswordChangedV1Contract } from '@platform/contracts';
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

/** Inserts a new user and its `auth.user.registered` event, in the caller's unit of work. */
export async function saveRegisteredUser(tx: Transaction, user: User, at: Date): Promise<void> {
  await tx.users.save(user);
  await tx.publish(UserRegisteredV1Contract, {
    aggregateId: user.id,
    payload: userRegisteredPayload(user),
    occurredAt: at,
  });
}
