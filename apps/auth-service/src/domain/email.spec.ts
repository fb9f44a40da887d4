import { ValidationFailedError } from '@platform/validation';
import { describe, expect, it } from 'vitest';
import { InvalidEmailError } from './auth.errors.js';
import { Email } from './email.js';

describe('an e-mail address', () => {
  it('is trimmed and lower-cased, so one mailbox is one account', () => {
    expect(Email.parse('  Ada.Lovelace@Example.COM \n').value).toBe('ada.lovelace@example.com');
    expect(Email.parse('ADA@example.com').equals(Email.parse('ada@EXAMPLE.com'))).toBe(true);
  });

  it.each([
    'a@example.com',
    'first.last+tag@mail.example.co.uk',
    "o'brien@example.ie",
    'x_y-z@sub-domain.example.org',
    'user@xn--bcher-kva.example',
  ])('accepts %s', (address) => {
    expect(Email.parse(address).value).toBe(address);
  });

  it.each([
    ['no @', 'ada.example.com'],
    ['two @', 'ada@home@example.com'],
    ['an empty local part', '@example.com'],
    ['a local part starting with a dot', '.ada@example.com'],
    ['two dots in a row', 'ada..lovelace@example.com'],
    ['a quoted local part', '"ada lovelace"@example.com'],
    ['a space', 'ada lovelace@example.com'],
    ['a domain without a dot', 'ada@localhost'],
    ['an IP literal', 'ada@[192.168.0.1]'],
    ['a numeric top-level domain', 'ada@example.123'],
    ['a label starting with a hyphen', 'ada@-example.com'],
    ['an empty label', 'ada@example..com'],
    ['a non-ASCII local part', 'adä@example.com'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.com`],
    ['a label over 63 characters', `ada@${'a'.repeat(64)}.com`],
  ])('refuses an address with %s', (_, address) => {
    const parse = () => Email.parse(address);
    expect(parse).toThrow(InvalidEmailError);
    expect(parse).toThrow(expect.objectContaining({ rule: 'invalid_format' }));
  });

  it('refuses an address over 254 characters, and accepts one of exactly 254', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`; // 195 characters
    const exact = `${'a'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(Email.parse(exact).value).toHaveLength(254);
    expect(() => Email.parse(`a${exact}`)).toThrow(expect.objectContaining({ rule: 'too_long' }));
  });

  it('reports a field error on `email`, for the Problem Details response', () => {
    const error = (() => {
      try {
        Email.parse('not an address');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).errors).toEqual([
      { field: 'email', code: 'invalid_format', message: 'E-mail address is not valid.' },
    ]);
  });

  it('splits into local part and domain', () => {
    const email = Email.parse('ada.lovelace@example.com');
    expect(email.localPart).toBe('ada.lovelace');
    expect(email.domain).toBe('example.com');
  });

  it('masks all of the local part but its first character for logs', () => {
    expect(Email.parse('ada.lovelace@example.com').mask()).toBe('a***@example.com');
    expect(Email.parse('x@example.com').mask()).toBe('x***@example.com');
  });

  it('parses leniently for lookups: an address, or undefined for anything else', () => {
    expect(Email.tryParse(' Ada@Example.com')?.value).toBe('ada@example.com');
    expect(Email.tryParse('not an address')).toBeUndefined();
  });

  it('normalises input that is not an address into a lookup key, without checking it', () => {
    expect(Email.normalise('  Not An Address ')).toBe('not an address');
  });
});
