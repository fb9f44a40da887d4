/** A member's role in one business. */
export const BUSINESS_ROLES = ['owner', 'admin', 'accountant', 'viewer'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

/** What a member may do in a business. */
export type BusinessPermission =
  | 'business:read'
  | 'business:update'
  | 'members:manage'
  | 'customers:write'
  | 'invoices:edit-drafts'
  | 'invoices:issue'
  | 'invoices:void'
  | 'payments:start'
  | 'payments:record-manual'
  | 'recurring-invoices:write';

// Viewers read; accountants keep the books (customers, drafts, issuing); admins also correct
// (void) and manage the team; owners can do everything admins can, and only an owner is the last
// word on ownership (the last owner stays).
const GRANTS: Record<BusinessRole, readonly BusinessPermission[]> = {
  viewer: ['business:read'],
  accountant: [
    'business:read',
    'customers:write',
    'invoices:edit-drafts',
    'invoices:issue',
    'payments:start',
    'payments:record-manual',
    'recurring-invoices:write',
  ],
  admin: [
    'business:read',
    'business:update',
    'members:manage',
    'customers:write',
    'invoices:edit-drafts',
    'invoices:issue',
    'payments:start',
    'payments:record-manual',
    'invoices:void',
    'recurring-invoices:write',
  ],
  owner: [
    'business:read',
    'business:update',
    'members:manage',
    'customers:write',
    'invoices:edit-drafts',
    'invoices:issue',
    'payments:start',
    'payments:record-manual',
    'invoices:void',
    'recurring-invoices:write',
  ],
};

export function isBusinessRole(value: unknown): value is BusinessRole {
  return typeof value === 'string' && (BUSINESS_ROLES as readonly string[]).includes(value);
}

/** Whether `role` grants `permission`. */
export function roleGrants(role: BusinessRole, permission: BusinessPermission): boolean {
  return GRANTS[role].includes(permission);
}
