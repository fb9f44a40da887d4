import {
  UserPasswordChangedV1Contract,
  UserRegisteredV1Contract,
  UserSessionsRevokedV1Contract,
} from '@platform/contracts';
import { validateOrThrow } from '@platform/validation';
import { describe, expect, it } from 'vitest';
import { DisplayName } from '../domain/display-name.js';
import { Email } from '../domain/email.js';
import { User } from '../domain/user.js';
import { passwordChangedPayload, sessionsRevokedPayload, userRegisteredPayload } from './user-events.js';

function register(email: string, displayName: string): User {
  return User.register({
    email: Email.parse(email),
    displayName: DisplayName.parse(displayName),
    passwordHash: '$argon2id$hash',
    at: new Date('2026-01-31T09:30:00.000Z'),
  });
}

// The outbox refuses an event that breaks its contract and fails the whole transaction: anything
// the domain accepts must therefore pass the contract's rules.
const strictly = { forbidUnknownProperties: true };

describe('the events of a user', () => {
  it.each([
    ['an ordinary user', 'ada@example.com', 'Ada Lovelace'],
    [
      'the longest address and name the domain accepts',
      `${'a'.repeat(58)}@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`,
      '😀'.repeat(100),
    ],
    [
      'a name with variation selectors and combining accents',
      'x+tag@sub.example.org',
      '❤️ Zoë e\u0301'.repeat(10).slice(0, 90),
    ],
    ['an address with every atext symbol', "a!#$%&'*+/=?^_`{|}~-z@example.co", 'O’Brien'],
  ])('announces the registration of %s within the contract', async (_, email, name) => {
    const user = register(email, name);
    const payload = userRegisteredPayload(user);
    await expect(validateOrThrow(UserRegisteredV1Contract.payload, payload, strictly)).resolves.toBeDefined();
    expect(payload).toEqual({
      userId: user.id,
      email: user.email.value,
      displayName: user.displayName.value,
      registeredAt: '2026-01-31T09:30:00.000Z',
    });
  });

  it('announces a password change with the user id and the UTC instant, within the contract', async () => {
    const user = register('ada@example.com', 'Ada');
    user.changePassword('$argon2id$new', new Date('2026-02-01T18:05:12.345Z'));
    const payload = passwordChangedPayload(user);
    await expect(validateOrThrow(UserPasswordChangedV1Contract.payload, payload, strictly)).resolves.toBeDefined();
    expect(payload).toEqual({ userId: user.id, changedAt: '2026-02-01T18:05:12.345Z' });
  });

  it('announces revoked sessions with the stored cut-off to the millisecond, within the contract', async () => {
    const user = register('ada@example.com', 'Ada');
    user.logOutEverywhere(new Date('2026-02-01T18:05:12.345Z'));
    // An earlier instant leaves the cut-off, and so the event, where it was.
    user.logOutEverywhere(new Date('2026-02-01T18:05:11.000Z'));
    const payload = sessionsRevokedPayload(user, 'logout_all');
    await expect(validateOrThrow(UserSessionsRevokedV1Contract.payload, payload, strictly)).resolves.toBeDefined();
    expect(payload).toEqual({ userId: user.id, tokensValidAfter: '2026-02-01T18:05:12.345Z', reason: 'logout_all' });
  });

  it('refuses to announce revoked sessions of a user who was never logged out', () => {
    expect(() => sessionsRevokedPayload(register('ada@example.com', 'Ada'), 'logout_all')).toThrow(/tokensValidAfter/);
  });
});
