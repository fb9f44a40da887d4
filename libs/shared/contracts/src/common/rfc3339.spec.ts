import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './rfc3339.js';

describe('parseRfc3339', () => {
  it('reads any offset, fraction and case, as the instant it names', () => {
    expect(parseRfc3339('2026-01-31T10:30:00+01:00')?.toISOString()).toBe('2026-01-31T09:30:00.000Z');
    expect(parseRfc3339('2026-01-31t09:30:00.123456789z')?.toISOString()).toBe('2026-01-31T09:30:00.123Z');
    expect(parseRfc3339('2026-01-01T00:00:00.5-23:59')?.toISOString()).toBe('2026-01-01T23:59:00.500Z');
  });

  it('reads years before 100 as written (the contract fuzzer found `0030-…` refused)', () => {
    expect(parseRfc3339('0030-08-25T13:28:47.10+14:47')?.toISOString()).toBe('0030-08-24T22:41:47.100Z');
    expect(parseRfc3339('0000-01-01T00:00:00Z')?.getUTCFullYear()).toBe(0);
  });

  it('takes a leap second as the next second', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')?.toISOString()).toBe('2017-01-01T00:00:00.000Z');
  });

  it('refuses what is not a date-time', () => {
    for (const text of [
      '2026-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:60:00Z',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00',
      '2026-01-01 00:00:00Z',
      '26-01-01T00:00:00Z',
      '2026-01-01T00:00:00.Z',
      'yesterday',
    ]) {
      expect(parseRfc3339(text), text).toBeUndefined();
    }
    expect(parseRfc3339('2024-02-29T00:00:00Z')).toBeDefined();
    expect(parseRfc3339('2000-02-29T00:00:00Z')).toBeDefined();
    expect(parseRfc3339('1900-02-29T00:00:00Z')).toBeUndefined();
  });
});
