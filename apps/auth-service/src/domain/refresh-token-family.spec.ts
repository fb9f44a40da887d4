import { describe, expect, it } from 'vitest';
import { decideRefresh, RefreshToken, type TokenOwner } from './refresh-token-family.js';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
const DAY = 86_400;
const owner: TokenOwner = { acceptsTokenIssuedAt: () => true };

function firstToken(): RefreshToken {
  return RefreshToken.startFamily('user-1', { tokenHash: 'hash-1', at: t0, ttlSeconds: 14 * DAY });
}

describe('refresh token rotation', () => {
  it('starts a new family at log-in, usable until it expires', () => {
    const token = firstToken();
    expect(token.familyId).not.toBe(token.id);
    expect(token.expiresAt).toEqual(seconds(14 * DAY));
    expect(token.isUsable(seconds(14 * DAY - 1))).toBe(true);
    expect(token.isUsable(seconds(14 * DAY))).toBe(false);
  });

  it('gives each log-in its own family', () => {
    expect(firstToken().familyId).not.toBe(firstToken().familyId);
  });

  it('rotates into a successor of the same family and user, living a full lifetime from now', () => {
    const token = firstToken();
    const next = token.rotate({ tokenHash: 'hash-2', at: seconds(DAY), ttlSeconds: 14 * DAY });
    expect(next.familyId).toBe(token.familyId);
    expect(next.userId).toBe('user-1');
    expect(next.id).not.toBe(token.id);
    expect(next.tokenHash).toBe('hash-2');
    expect(next.issuedAt).toEqual(seconds(DAY));
    expect(next.expiresAt).toEqual(seconds(15 * DAY));
    expect(token.rotatedAt).toEqual(seconds(DAY));
    expect(token.isUsable(seconds(DAY))).toBe(false);
    expect(next.isUsable(seconds(DAY))).toBe(true);
  });

  it('refuses to rotate a token that is no longer usable', () => {
    const token = firstToken();
    token.rotate({ tokenHash: 'hash-2', at: seconds(1), ttlSeconds: DAY });
    expect(() => token.rotate({ tokenHash: 'hash-3', at: seconds(2), ttlSeconds: DAY })).toThrow('not usable');
    expect(() => firstToken().rotate({ tokenHash: 'h', at: seconds(15 * DAY), ttlSeconds: DAY })).toThrow();
  });

  it('keeps the first reason when revoked twice', () => {
    const token = firstToken();
    token.revoke('logout', seconds(1));
    token.revoke('reuse_detected', seconds(2));
    expect(token.revokedReason).toBe('logout');
    expect(token.revokedAt).toEqual(seconds(1));
    expect(token.isUsable(seconds(3))).toBe(false);
  });

  it('refuses a lifetime that is not positive', () => {
    expect(() => RefreshToken.startFamily('u', { tokenHash: 'h', at: t0, ttlSeconds: 0 })).toThrow(RangeError);
  });
});

describe('deciding what to do with a presented refresh token', () => {
  it('rotates a usable token of a user who has not logged out everywhere since', () => {
    const token = firstToken();
    expect(decideRefresh(token, owner, seconds(60))).toEqual({ outcome: 'rotate', token, owner });
  });

  it('detects reuse of a token that was already rotated, naming the family to revoke', () => {
    const token = firstToken();
    token.rotate({ tokenHash: 'hash-2', at: seconds(60), ttlSeconds: DAY });
    expect(decideRefresh(token, owner, seconds(120))).toEqual({ outcome: 'reuse_detected', familyId: token.familyId });
  });

  it('still treats a rotated token as reuse once it has expired or its family was revoked', () => {
    const token = firstToken();
    token.rotate({ tokenHash: 'hash-2', at: seconds(60), ttlSeconds: DAY });
    token.revoke('logout', seconds(90));
    expect(decideRefresh(token, owner, seconds(30 * DAY)).outcome).toBe('reuse_detected');
  });

  it.each([
    ['an unknown token', () => decideRefresh(undefined, owner, t0), 'unknown'],
    [
      'a revoked token',
      () => {
        const token = firstToken();
        token.revoke('logout', seconds(1));
        return decideRefresh(token, owner, seconds(2));
      },
      'revoked',
    ],
    ['an expired token', () => decideRefresh(firstToken(), owner, seconds(14 * DAY)), 'expired'],
    ['a token whose user no longer exists', () => decideRefresh(firstToken(), undefined, seconds(1)), 'user_gone'],
    [
      'a token issued before the user logged out everywhere',
      () => decideRefresh(firstToken(), { acceptsTokenIssuedAt: () => false }, seconds(1)),
      'logged_out_everywhere',
    ],
  ])('refuses %s without calling it reuse', (_, decide, reason) => {
    expect(decide()).toEqual({ outcome: 'refuse', reason });
  });
});
