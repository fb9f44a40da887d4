import { describe, expect, it } from 'vitest';
import { assertKeepsAnOwner, assertMayManage } from './member.js';

describe('membership rules', () => {
  it('lets only an owner grant, change or take away the owner role', () => {
    expect(() => assertMayManage('admin', { newRole: 'owner' })).toThrow(
      expect.objectContaining({ code: 'BUSINESS.FORBIDDEN', kind: 'forbidden' }),
    );
    expect(() => assertMayManage('admin', { currentRole: 'owner', newRole: 'viewer' })).toThrow(
      expect.objectContaining({ code: 'BUSINESS.FORBIDDEN' }),
    );
    expect(() => assertMayManage('admin', { currentRole: 'owner' })).toThrow(
      expect.objectContaining({ code: 'BUSINESS.FORBIDDEN' }),
    );
    expect(() => assertMayManage('admin', { currentRole: 'viewer', newRole: 'admin' })).not.toThrow();
    expect(() => assertMayManage('owner', { currentRole: 'owner', newRole: 'viewer' })).not.toThrow();
  });

  it('refuses to take the owner role from the only owner, and allows it while another owner remains', () => {
    const alone = [
      { userId: 'a', role: 'owner' as const },
      { userId: 'b', role: 'admin' as const },
    ];
    expect(() => assertKeepsAnOwner(alone, 'a')).toThrow(
      expect.objectContaining({ code: 'BUSINESS.LAST_OWNER', kind: 'business_rule' }),
    );
    expect(() => assertKeepsAnOwner(alone, 'b')).not.toThrow();
    expect(() => assertKeepsAnOwner([...alone, { userId: 'c', role: 'owner' }], 'a')).not.toThrow();
  });
});
