import { describe, expect, it } from 'vitest';
import { priceLine, roundHalfAwayFromZero, totalOf } from './invoice-amounts.js';
import { InvoiceAmountTooLargeError } from './invoice.errors.js';

const line = (quantity: number, unitAmountMinor: number, taxRateBps: number) =>
  priceLine({ description: 'Work', quantity, unitAmountMinor, taxRateBps });

describe('invoice amounts', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect(roundHalfAwayFromZero(5n, 10n)).toBe(1n);
    expect(roundHalfAwayFromZero(4n, 10n)).toBe(0n);
    expect(roundHalfAwayFromZero(15n, 10n)).toBe(2n);
    expect(roundHalfAwayFromZero(25n, 10n)).toBe(3n); // not banker's rounding
    expect(roundHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(roundHalfAwayFromZero(-4n, 10n)).toBe(0n);
    expect(roundHalfAwayFromZero(0n, 10n)).toBe(0n);
  });

  it('taxes each line: quantity × unit × bps / 10 000, half a minor unit rounded up', () => {
    // 1 × 5 at 10 % = 0.5 → 1
    expect(line(1, 5, 1000)).toMatchObject({ subtotalMinor: 5, taxMinor: 1, totalMinor: 6 });
    // 1 × 5 at 9.99 % = 0.4995 → 0
    expect(line(1, 5, 999)).toMatchObject({ subtotalMinor: 5, taxMinor: 0, totalMinor: 5 });
    // 3 × 333 at 19 % = 189.81 → 190
    expect(line(3, 333, 1900)).toMatchObject({ subtotalMinor: 999, taxMinor: 190, totalMinor: 1189 });
    // 12 × 9500 at 19 % = 21 660 exactly
    expect(line(12, 9500, 1900)).toMatchObject({ subtotalMinor: 114_000, taxMinor: 21_660, totalMinor: 135_660 });
    expect(line(7, 0, 1900)).toMatchObject({ subtotalMinor: 0, taxMinor: 0, totalMinor: 0 });
    expect(line(2, 1250, 0)).toMatchObject({ subtotalMinor: 2500, taxMinor: 0, totalMinor: 2500 });
  });

  it('sums the rounded line taxes rather than rounding the total tax again', () => {
    // Three lines of 0.5 tax each: 1 + 1 + 1 = 3 (a single rounding of 1.5 would give 2).
    const lines = [line(1, 5, 1000), line(1, 5, 1000), line(1, 5, 1000)];
    expect(totalOf(lines)).toEqual({ subtotalMinor: 15, taxMinor: 3, totalMinor: 18 });
  });

  it('computes exactly beyond 2^53 in between, and refuses a result that a JSON number cannot hold', () => {
    // 1 000 000 × 100 000 000 000 = 10^17 > MAX_SAFE_INTEGER: refused, never rounded.
    expect(() => line(1_000_000, 100_000_000_000, 0)).toThrow(InvoiceAmountTooLargeError);
    // The subtotal fits, the tax pushes the line total over.
    const almost = Number.MAX_SAFE_INTEGER - 10;
    expect(() => line(1, almost, 100)).toThrow(InvoiceAmountTooLargeError);
    // Right at the bound is fine: 9 007 199 254 740 991 × 1 at 0 %.
    expect(line(1, Number.MAX_SAFE_INTEGER, 0).totalMinor).toBe(Number.MAX_SAFE_INTEGER);
    // Lines that fit alone but not together.
    const big = line(1, 5_000_000_000_000_000, 0);
    expect(() => totalOf([big, big])).toThrow(InvoiceAmountTooLargeError);
  });

  it('keeps the exact tax where floating point would be off', () => {
    // 90 071 992 547 409 × 1 at 15 % = 13 510 798 882 111.35 → 13 510 798 882 111
    expect(line(1, 90_071_992_547_409, 1500).taxMinor).toBe(13_510_798_882_111);
    // 1 × 201 at 25 % = 50.25 → 50; 1 × 1 010 at 5 % = 50.5 → 51
    expect(line(1, 201, 2500).taxMinor).toBe(50);
    expect(line(1, 1010, 500).taxMinor).toBe(51);
  });
});
