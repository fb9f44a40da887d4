import type { PayloadOf, UserPasswordChangedV1Contract, UserRegisteredV1Contract } from '@platform/contracts';
import type { User } from '../domain/user.js';

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
