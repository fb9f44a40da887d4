import { describe, expect, it } from 'vitest';
import { assertCurrency, defaultInvoicePrefix } from './business.js';
import { parseEmail } from './email-address.js';

describe('a business', () => {
  it('derives its invoice prefix from its name: upper-case ASCII letters and digits, at most 10', () => {
    expect(defaultInvoicePrefix('Acme')).toBe('ACME');
    expect(defaultInvoicePrefix('Acme Consulting GmbH')).toBe('ACMECONSUL');
    expect(defaultInvoicePrefix('Café 42')).toBe('CAFE42');
  });

  it('falls back to INV when the name has no ASCII letter or digit', () => {
    expect(defaultInvoicePrefix('株式会社')).toBe('INV');
    expect(defaultInvoicePrefix('---')).toBe('INV');
  });

  it('accepts ISO 4217 currencies only (a 422, not a 400: the pattern fits)', () => {
    expect(() => assertCurrency('EUR')).not.toThrow();
    expect(() => assertCurrency('JPY')).not.toThrow();
    expect(() => assertCurrency('ABC')).toThrow(
      expect.objectContaining({ code: 'BUSINESS.UNKNOWN_CURRENCY', kind: 'business_rule' }),
    );
  });
});

describe('an e-mail address invoices are sent to', () => {
  it('is trimmed and lower-cased', () => {
    expect(parseEmail('  Billing@Globex.Example ')).toBe('billing@globex.example');
  });

  it('refuses what is not a deliverable address with a 422', () => {
    for (const address of ['', 'no-at-sign', 'a@b', 'a@@b.com', '"quoted"@example.com', 'a@[127.0.0.1]']) {
      expect(() => parseEmail(address), address).toThrow(
        expect.objectContaining({ code: 'BUSINESS.INVALID_EMAIL', kind: 'business_rule' }),
      );
    }
  });
});
