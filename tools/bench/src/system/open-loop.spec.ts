import { describe, expect, it } from 'vitest';
import { arrivalOffsetsMs, interleave, rateSteps, stepSchedule, type Mix } from './open-loop.js';

describe('open-loop schedule', () => {
  it('spaces arrivals evenly at the rate, whatever happens to the answers', () => {
    expect(arrivalOffsetsMs(4, 1)).toEqual([0, 250, 500, 750]);
    expect(arrivalOffsetsMs(20, 3)).toHaveLength(60);
    expect(arrivalOffsetsMs(20, 3).at(-1)).toBeCloseTo(2950);
  });

  it('refuses a rate or a length that is not positive', () => {
    expect(() => arrivalOffsetsMs(0, 1)).toThrow('rate must be positive');
    expect(() => arrivalOffsetsMs(10, 0)).toThrow('seconds must be positive');
  });

  it('interleaves the mix in its proportions, also in short prefixes', () => {
    const mix: Mix = { login: 2, list: 10, issue: 4, pay: 4 };
    const operations = interleave(mix, 200);
    const count = (list: string[], what: string) => list.filter((operation) => operation === what).length;
    expect(count(operations, 'login')).toBe(20);
    expect(count(operations, 'list')).toBe(100);
    expect(count(operations, 'issue')).toBe(40);
    expect(count(operations, 'pay')).toBe(40);
    // Every window of one full cycle holds the whole mix, not runs of one operation.
    const first = operations.slice(0, 20);
    expect([count(first, 'login'), count(first, 'list'), count(first, 'issue'), count(first, 'pay')]).toEqual([
      2, 10, 4, 4,
    ]);
    expect(operations.slice(0, 5)).toContain('list');
    expect(operations.slice(0, 5)).toContain('issue');
  });

  it('leaves out operations of weight zero and refuses an empty mix', () => {
    expect(new Set(interleave({ login: 0, list: 1, issue: 0, pay: 1 }, 10))).toEqual(new Set(['list', 'pay']));
    expect(() => interleave({ login: 0, list: 0, issue: 0, pay: 0 }, 1)).toThrow('no operation');
  });

  it('puts warm-up and measured window on one schedule at one rate', () => {
    const schedule = stepSchedule({ login: 1, list: 1, issue: 0, pay: 0 }, 10, 1, 2);
    expect(schedule).toHaveLength(30);
    expect(schedule[10]).toEqual({ operation: expect.any(String), atMs: 1000 });
  });

  it('rises in steps up to the maximum', () => {
    expect(rateSteps(20, 20, 100)).toEqual([20, 40, 60, 80, 100]);
    expect(rateSteps(20, 30, 100)).toEqual([20, 50, 80]);
    expect(() => rateSteps(20, 0, 100)).toThrow('bad rate steps');
  });
});
