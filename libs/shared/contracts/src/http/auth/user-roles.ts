/** Roles the API shows and filters by; the auth-service's domain grants permissions to them. */
export const USER_ROLES = ['user', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
