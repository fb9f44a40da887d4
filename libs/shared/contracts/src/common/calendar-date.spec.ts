import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.js';

describe('isCalendarDate', () => {
  it('accepts every day that exists, any four-digit year', () => {
    for (const text of [
      '2026-03-04',
      '2026-12-31',
      '2024-02-29',
      '2000-02-29',
      '0000-01-01',
      '0000-02-29',
      '9999-12-31',
    ]) {
      expect(isCalendarDate(text), text).toBe(true);
    }
  });

  it('refuses days that do not exist and other spellings', () => {
    for (const text of [
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-12-00',
      '2026-1-01',
      '20260304',
      '+02026-03-04',
      '2026-03-04T00:00:00Z',
      '2026-03-04\n',
      ' 2026-03-04',
      '٢٠٢٦-03-04',
      '',
    ]) {
      expect(isCalendarDate(text), JSON.stringify(text)).toBe(false);
    }
    expect(isCalendarDate(20260304)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});
