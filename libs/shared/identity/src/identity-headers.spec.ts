import { describe, expect, it } from 'vitest';
import {
  IdentityHeader,
  type InvalidIdentityError,
  signIdentity,
  stripIdentityHeaders,
  verifyIdentity,
} from './index.js';

const key = 'k'.repeat(32);
const identity = {
  userId: '0192f0c1-7a4e-7c3b-8f00-1234567890ab',
  roles: ['user', 'admin'],
  tokenIssuedAt: 1_800_000_000,
};
const request = { method: 'GET', path: '/v1/auth/me' };
const now = 1_800_000_100_000;

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as InvalidIdentityError).reason;
  }
  return undefined;
}

describe('identity headers', () => {
  it('carry the identity the gateway signed to the upstream', () => {
    const headers = signIdentity(identity, request, key, now);
    expect(verifyIdentity(headers, request, key, { now })).toEqual(identity);
  });

  it('are refused when missing, forged, re-targeted, re-keyed or stale', () => {
    const headers = signIdentity(identity, request, key, now);
    expect(reason(() => verifyIdentity({}, request, key, { now }))).toBe('missing');
    expect(
      reason(() => verifyIdentity({ ...headers, [IdentityHeader.roles]: 'user,admin,root' }, request, key, { now })),
    ).toBe('bad_signature');
    expect(
      reason(() => verifyIdentity({ ...headers, [IdentityHeader.userId]: 'someone-else' }, request, key, { now })),
    ).toBe('bad_signature');
    expect(reason(() => verifyIdentity(headers, { method: 'POST', path: '/v1/auth/me' }, key, { now }))).toBe(
      'bad_signature',
    );
    expect(reason(() => verifyIdentity(headers, { method: 'GET', path: '/v1/admin/users' }, key, { now }))).toBe(
      'bad_signature',
    );
    expect(reason(() => verifyIdentity(headers, request, 'x'.repeat(32), { now }))).toBe('bad_signature');
    expect(reason(() => verifyIdentity(headers, request, key, { now: now + 31_000 }))).toBe('expired');
    expect(reason(() => verifyIdentity({ ...headers, [IdentityHeader.signedAt]: 'soon' }, request, key, { now }))).toBe(
      'malformed',
    );
    expect(
      reason(() => verifyIdentity({ ...headers, [IdentityHeader.signature]: undefined }, request, key, { now })),
    ).toBe('malformed');
  });

  it('refuse a short key', () => {
    expect(() => signIdentity(identity, request, 'short', now)).toThrow('at least 32 bytes');
  });

  it('are stripped from what a client sent', () => {
    const incoming: Record<string, string | undefined> = {
      ...signIdentity(identity, request, key, now),
      accept: 'json',
    };
    stripIdentityHeaders(incoming);
    expect(incoming).toEqual({ accept: 'json' });
  });
});
