import { describe, expect, it } from 'vitest';
import { USER_ROLES } from '@platform/contracts';
import { ForbiddenError } from './auth.errors.js';
import { assertPermission, isRole, permissionsOf, ROLES, type Role } from './role.js';

describe('roles and permissions', () => {
  it('lets a user read and write their profile and manage their sessions, nothing more', () => {
    expect([...permissionsOf(['user'])].sort()).toEqual(['profile:read', 'profile:write', 'sessions:manage']);
  });

  it('lets an admin also read and manage users', () => {
    const permissions = permissionsOf(['user', 'admin']);
    expect(permissions.has('users:read')).toBe(true);
    expect(permissions.has('users:manage')).toBe(true);
    expect(permissions.has('profile:read')).toBe(true);
  });

  it('grants nothing without roles, and nothing for a role this build does not know', () => {
    expect(permissionsOf([]).size).toBe(0);
    expect(permissionsOf(['auditor' as Role]).size).toBe(0);
  });

  it('throws a coded ForbiddenError when the actor lacks the permission', () => {
    const actor = { userId: 'u1', roles: ['user'] as const };
    expect(() => assertPermission(actor, 'users:read')).toThrow(ForbiddenError);
    expect(() => assertPermission(actor, 'users:read')).toThrow(
      expect.objectContaining({ code: 'AUTH.FORBIDDEN', kind: 'forbidden' }),
    );
    expect(() => assertPermission(actor, 'profile:read')).not.toThrow();
  });

  it('recognises role names read from tokens or rows', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('the roles the public API shows', () => {
  it('are the roles of the domain', () => {
    expect([...USER_ROLES]).toEqual([...ROLES]);
  });
});
