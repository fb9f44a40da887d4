import { BUSINESS_ROLES as CONTRACT_ROLES } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { BUSINESS_ROLES, isBusinessRole, roleGrants, type BusinessPermission } from './business-role.js';

const granted = (role: (typeof BUSINESS_ROLES)[number]) =>
  (
    [
      'business:read',
      'business:update',
      'members:manage',
      'customers:write',
      'invoices:edit-drafts',
      'invoices:issue',
      'invoices:void',
    ] as BusinessPermission[]
  ).filter((permission) => roleGrants(role, permission));

describe('business roles', () => {
  it('lets a viewer read, and nothing else', () => {
    expect(granted('viewer')).toEqual(['business:read']);
  });

  it('lets an accountant keep the books (customers, drafts, issuing) but neither void, edit the business nor manage members', () => {
    expect(granted('accountant')).toEqual([
      'business:read',
      'customers:write',
      'invoices:edit-drafts',
      'invoices:issue',
    ]);
  });

  it('lets admins and owners do everything', () => {
    expect(granted('admin')).toHaveLength(7);
    expect(granted('owner')).toEqual(granted('admin'));
  });

  it('knows the four roles of the public contract, and nothing else is a role', () => {
    expect([...BUSINESS_ROLES]).toEqual([...CONTRACT_ROLES]);
    expect(BUSINESS_ROLES.every(isBusinessRole)).toBe(true);
    expect(isBusinessRole('superuser')).toBe(false);
    expect(isBusinessRole(undefined)).toBe(false);
  });
});
