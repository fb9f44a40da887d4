import type { Role } from '../domain/role.js';
import type { User } from '../domain/user.js';

/** A user as use cases return it: no password hash, plain values the adapters can serialise. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  createdAt: Date;
}

export function toUserSummary(user: User): UserSummary {
  return {
    id: user.id,
    email: user.email.value,
    displayName: user.displayName.value,
    roles: [...user.roles],
    createdAt: user.createdAt,
  };
}
