/** Roles a member holds in one business, from most to least powerful; the business-service grants permissions to them. */
export const BUSINESS_ROLES = ['owner', 'admin', 'accountant', 'viewer'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
