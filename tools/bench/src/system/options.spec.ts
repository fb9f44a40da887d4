import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseOptions } from './options.js';

describe('bench:system options', () => {
  it('has defaults and reads every flag', () => {
    expect(parseOptions([])).toEqual(DEFAULTS);
    expect(
      parseOptions([
        '--seconds=5',
        '--warmup',
        '1',
        '--start-rate',
        '10',
        '--step',
        '10',
        '--max-rate',
        '50',
        '--p99-bound-ms',
        '800',
        '--error-bound',
        '0.5',
        '--lag-bound-ms',
        '100',
        '--users',
        '4',
      ]),
    ).toEqual({
      seconds: 5,
      warmupSeconds: 1,
      startRate: 10,
      step: 10,
      maxRate: 50,
      p99BoundMs: 800,
      errorBound: 0.5,
      lagBoundMs: 100,
      users: 4,
    });
  });

  it('answers help, and refuses bad values and unknown flags with one clear message', () => {
    expect(parseOptions(['--help'])).toBe('help');
    expect(() => parseOptions(['--seconds', 'ten'])).toThrow('--seconds must be a number of at least 1, got "ten"');
    expect(() => parseOptions(['--start-rate', '50', '--max-rate', '20'])).toThrow('--max-rate (20) is below');
    expect(() => parseOptions(['--rate', '5'])).toThrow();
  });
});
