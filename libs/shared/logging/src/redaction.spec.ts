import { describe, expect, it } from 'vitest';
import { isPersonalNameKey, isSecretKey, maskName, redact, redactText } from './redaction.js';

describe('isSecretKey', () => {
  it.each([
    'password',
    'newPassword',
    'passwordHash',
    'password_confirmation',
    'token',
    'accessToken',
    'refresh_token',
    'id-token',
    'secret',
    'clientSecret',
    'authorization',
    'Proxy-Authorization',
    'cookie',
    'set-cookie',
    'apiKey',
    'x-api-key',
    'X-Amz-Signature',
    'user[password]',
    'signingKey',
    'UNSUBSCRIBE_SIGNING_KEY',
    'JWT_PRIVATE_JWKS',
  ])('treats %s as secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['email', 'userId', 'tokens', 'tokenType', 'page', 'author', 'idempotencyKey', 'jwksUrl'])(
    'treats %s as harmless',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );
});

describe('isPersonalNameKey', () => {
  it.each(['displayName', 'display_name', 'recipientName', 'customer-name', 'FIRST_NAME', 'lastName', 'fullName'])(
    'treats %s as a person’s name',
    (key) => {
      expect(isPersonalNameKey(key)).toBe(true);
    },
  );

  // A bare `name` names jobs, breakers, topics and errors far more often than people.
  it.each(['name', 'businessName', 'hostname', 'templateName', 'password', 'email'])('leaves %s alone', (key) => {
    expect(isPersonalNameKey(key)).toBe(false);
  });
});

describe('names', () => {
  it('keeps the first character of a name, deep in objects and arrays, and leaves other values as they are', () => {
    expect(maskName('  Ada Lovelace ')).toBe('A***');
    expect(maskName('Ördög')).toBe('Ö***');
    expect(maskName('')).toBe('');
    expect(
      redact({ members: [{ displayName: 'Ada Lovelace', role: 'admin', name: 'nightly-job' }], recipientName: 7 }),
    ).toEqual({ members: [{ displayName: 'A***', role: 'admin', name: 'nightly-job' }], recipientName: 7 });
    const error = Object.assign(new Error('boom'), { customerName: 'Globex Corporation' });
    expect(redact({ error })).toMatchObject({ error: { name: 'Error', customerName: 'G***' } });
  });
});

describe('redactText', () => {
  it('spares numbers that fail the Luhn check', () => {
    expect(redactText('order 4111111111111112 shipped')).toBe('order 4111111111111112 shipped');
  });

  it.each(['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111', '3782 822463 10005'])(
    'masks the card number %s',
    (card) => {
      expect(redactText(`card=${card};`)).toBe('card=[REDACTED];');
    },
  );

  it('leaves UUIDs whole, even when a run of their digits passes Luhn', () => {
    // 8123-456789012340 passes Luhn; a rule that crossed the dashes of ids would cut it out.
    const uuid = '0190f0e2-7c4a-7b3e-8123-456789012340';
    expect(redactText(`correlation ${uuid}`)).toBe(`correlation ${uuid}`);
    for (let i = 0; i < 2000; i++) {
      const random = crypto.randomUUID();
      expect(redactText(random)).toBe(random);
    }
  });

  it('masks every e-mail in a text', () => {
    expect(redactText('from bob@example.org to carol@example.net')).toBe('from b***@example.org to c***@example.net');
  });

  it('leaves harmless key=value pairs alone', () => {
    expect(redactText('page=2&sort=name')).toBe('page=2&sort=name');
  });
});

describe('redact', () => {
  it('does not change its input', () => {
    const input = { password: 'x', nested: { token: 'y' } };
    redact(input);
    expect(input).toEqual({ password: 'x', nested: { token: 'y' } });
  });

  it('cuts cycles but keeps an object seen twice without a cycle', () => {
    const shared = { id: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic['self'] = cyclic;
    expect(redact(cyclic)).toEqual({ shared: { id: 1 }, again: { id: 1 }, self: '[Circular]' });
  });

  it('keeps empty and missing secrets as they are, so a missing password is visible as missing', () => {
    expect(redact({ password: '', token: null })).toEqual({ password: '', token: null });
  });

  it('turns values JSON cannot write into text', () => {
    expect(
      redact({
        at: new Date('2026-01-02T03:04:05.000Z'),
        big: 12n,
        url: new URL('https://user:pw-in-url@example.com/x'),
        buffer: Buffer.from('abc'),
        map: new Map([['token', 't']]),
        set: new Set(['a']),
      }),
    ).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      big: '12',
      url: 'https://user:[REDACTED]@example.com/x',
      buffer: '[Buffer 3 bytes]',
      map: { token: '[REDACTED]' },
      set: ['a'],
    });
  });

  it('uses toJSON of values that have one, and redacts what it returns', () => {
    const entity = { toJSON: () => ({ id: 7, passwordHash: 'hash' }) };
    expect(redact({ entity })).toEqual({ entity: { id: 7, passwordHash: '[REDACTED]' } });
  });

  it('stops at a bounded depth', () => {
    let deep: Record<string, unknown> = { password: 'too-deep' };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(JSON.stringify(redact(deep))).toContain('[Truncated]');
    expect(JSON.stringify(redact(deep))).not.toContain('too-deep');
  });

  it('keeps a millisecond timestamp, which is not a card number', () => {
    expect(redact({ at: 1767323045000 })).toEqual({ at: 1767323045000 });
  });
});
