import { ForbiddenError } from './auth.errors.js';

/** Roles a user can hold; every user is a `user`, some are also `admin`. */
export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What an actor may do; use cases check these, guards only pre-filter. */
export const PERMISSIONS = ['users:read', 'users:manage', 'profile:read', 'profile:write', 'sessions:manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  user: ['profile:read', 'profile:write', 'sessions:manage'],
  admin: ['users:read', 'users:manage', 'profile:read', 'profile:write', 'sessions:manage'],
};

/** Who performs an operation, as the access token tells. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
}

/** True when `value` names a role; roles read from tokens or rows are checked with it. */
export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Every permission the roles grant together. */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  // GRANTS[role] is undefined for a role this build does not know (a newer token): it grants nothing.
  return new Set(roles.flatMap((role) => GRANTS[role] ?? []));
}

/** Throws ForbiddenError unless the actor's roles grant `permission`. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!permissionsOf(actor.roles).has(permission)) throw new ForbiddenError(permission);
}
