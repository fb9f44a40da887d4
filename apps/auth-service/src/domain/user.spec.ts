import { validate as isUuid, version as uuidVersion } from 'uuid';
import { describe, expect, it } from 'vitest';
import { DisplayName } from './display-name.js';
import { Email } from './email.js';
import { User } from './user.js';

const registeredAt = new Date('2026-01-31T09:30:00.000Z');
const later = new Date('2026-02-01T18:05:12.345Z');

function registerAda(): User {
  return User.register({
    email: Email.parse('ada@example.com'),
    displayName: DisplayName.parse('Ada Lovelace'),
    passwordHash: '$argon2id$old',
    at: registeredAt,
  });
}

describe('a user', () => {
  it('registers with a v7 id, the user role, and both timestamps at registration', () => {
    const user = registerAda();
    expect(isUuid(user.id) && uuidVersion(user.id)).toBe(7);
    expect(user.roles).toEqual(['user']);
    expect(user.createdAt).toEqual(registeredAt);
    expect(user.passwordChangedAt).toEqual(registeredAt);
    expect(user.tokensValidAfter).toBeUndefined();
  });

  it('gets a new id on each registration', () => {
    expect(registerAda().id).not.toBe(registerAda().id);
  });

  it('changes its password and stops honouring tokens issued before the change', () => {
    const user = registerAda();
    user.changePassword('$argon2id$new', later);
    expect(user.passwordHash).toBe('$argon2id$new');
    expect(user.passwordChangedAt).toEqual(later);
    expect(user.tokensValidAfter).toEqual(later);
    expect(user.acceptsTokenIssuedAt(registeredAt)).toBe(false);
    expect(user.acceptsTokenIssuedAt(later)).toBe(true);
  });

  it('upgrades the hash of an unchanged password without ending sessions', () => {
    const user = registerAda();
    user.upgradePasswordHash('$argon2id$stronger');
    expect(user.passwordHash).toBe('$argon2id$stronger');
    expect(user.passwordChangedAt).toEqual(registeredAt);
    expect(user.tokensValidAfter).toBeUndefined();
  });

  it('is promoted to admin once; a second promotion changes nothing and says so', () => {
    const user = registerAda();
    expect(user.promoteToAdmin()).toBe(true);
    expect(user.promoteToAdmin()).toBe(false);
    expect(user.roles).toEqual(['user', 'admin']);
    expect(user.hasRole('admin')).toBe(true);
  });

  it('logs out everywhere: tokens issued before are refused, tokens issued from then on accepted', () => {
    const user = registerAda();
    expect(user.acceptsTokenIssuedAt(registeredAt)).toBe(true);
    user.logOutEverywhere(later);
    expect(user.acceptsTokenIssuedAt(new Date(later.getTime() - 1))).toBe(false);
    expect(user.acceptsTokenIssuedAt(later)).toBe(true);
  });

  it('never moves the log-out cut-off back in time', () => {
    const user = registerAda();
    user.logOutEverywhere(later);
    user.logOutEverywhere(registeredAt);
    expect(user.tokensValidAfter).toEqual(later);
  });

  it('restores from stored state and hands out copies, so callers cannot change it behind its back', () => {
    const state = registerAda().toState();
    const restored = User.restore(state);
    state.roles.push('admin');
    expect(restored.roles).toEqual(['user']);
    restored.toState().roles.push('admin');
    expect(restored.hasRole('admin')).toBe(false);
  });
});
