import { describe, expect, it } from 'vitest';
import { RefreshTokenGenerator } from './refresh-token-generator.js';

describe('RefreshTokenGenerator', () => {
  const generator = new RefreshTokenGenerator();

  it('makes 43-character base64url tokens of 32 random bytes', () => {
    const { token } = generator.generate();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 10_000 }, () => generator.generate().token));
    expect(tokens.size).toBe(10_000);
  });

  it('stores a stable SHA-256 hex hash of the token, which is what a lookup recomputes', () => {
    const { token, tokenHash } = generator.generate();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(generator.hash(token)).toBe(tokenHash);
    expect(tokenHash).not.toContain(token);
    expect(generator.hash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(generator.hash(`${token}x`)).not.toBe(tokenHash);
  });
});
