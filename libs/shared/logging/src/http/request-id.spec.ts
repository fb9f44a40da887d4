import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newRequestId } from './request-id.js';

describe('newRequestId', () => {
  it('makes valid, unique UUID v7s across several refills of the random pool', () => {
    const ids = Array.from({ length: 5000 }, () => newRequestId());
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps ids in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newRequestId());
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = newRequestId();
    const after = Date.now();
    const msecs = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    // The counter may borrow a millisecond or two when thousands of ids were made in one.
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(after + 2);
  });

  it('draws fresh random bits for each id', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => newRequestId().slice(-12)));
    expect(tails.size).toBe(1000);
  });
});
