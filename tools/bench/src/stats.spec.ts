import { describe, expect, it } from 'vitest';
import { percentile, round } from './stats.js';

describe('percentile', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

  it('uses the nearest rank', () => {
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it('refuses an empty sample and a percentile out of range', () => {
    expect(() => percentile([], 50)).toThrow('percentile of no values');
    expect(() => percentile(values, 101)).toThrow('within 0-100');
  });
});

describe('round', () => {
  it('keeps two decimals for small figures and none for large ones', () => {
    expect(round(3.14159)).toBe(3.14);
    expect(round(12345.678)).toBe(12346);
  });
});
