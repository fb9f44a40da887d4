import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, unsubscribeHeaders, verifyUnsubscribeToken } from './unsubscribe-token.js';

const key = 'k'.repeat(32);
const claim = { recipient: 'billing@globex.example', category: 'reminder' as const };

describe('unsubscribe tokens', () => {
  it('verifies a token it signed and returns its claim', () => {
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, claim))).toEqual(claim);
  });

  it('refuses a token signed with another key, a changed recipient, or garbage', () => {
    const token = signUnsubscribeToken(key, claim);
    expect(verifyUnsubscribeToken('x'.repeat(32), token)).toBeUndefined();
    const [version, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ r: 'victim@example.com', c: 'reminder' })).toString('base64url');
    expect(verifyUnsubscribeToken(key, `${version}.${forged}.${signature}`)).toBeUndefined();
    expect(verifyUnsubscribeToken(key, 'u1.abc')).toBeUndefined();
    expect(verifyUnsubscribeToken(key, '')).toBeUndefined();
  });

  it('makes the RFC 8058 headers with a one-click POST link', () => {
    const headers = unsubscribeHeaders('https://api.example.com', key, claim);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(headers['List-Unsubscribe']!)![1]!;
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://api.example.com/v1/notifications/unsubscribe');
    expect(verifyUnsubscribeToken(key, url.searchParams.get('token')!)).toEqual(claim);
  });
});
