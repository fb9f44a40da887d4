import { describe, expect, it } from 'vitest';
import { parseChaosOptions } from './options.js';
import { FAULT_KINDS, planFaults } from './fault-schedule.js';
import { seededRandom } from './random.js';

describe('chaos options and schedule', () => {
  it('reads --short, --seed and --duration, and refuses anything else', () => {
    expect(parseChaosOptions(['--short', '--seed', '7'])).toEqual({ short: true, seed: 7, durationSeconds: 60 });
    expect(parseChaosOptions(['--seed=3', '--duration', '120'])).toEqual({
      short: false,
      seed: 3,
      durationSeconds: 120,
    });
    expect(() => parseChaosOptions(['--seed', 'x'])).toThrow(/--seed needs a whole number/);
    expect(() => parseChaosOptions(['--fast'])).toThrow(/unknown argument --fast/);
  });

  it('plans the same schedule from the same seed, every service killed and every kind present', () => {
    const plan = (seed: number) => planFaults(seededRandom(seed), 60_000, true);
    expect(plan(42)).toEqual(plan(42));
    expect(plan(42)).not.toEqual(plan(43));
    const kinds = new Set(plan(42).map((fault) => fault.kind));
    expect(kinds.size).toBe(FAULT_KINDS.length);
    expect(
      plan(42)
        .filter((fault) => fault.kind === 'service-kill')
        .map((fault) => fault.target)
        .sort(),
    ).toEqual(['auth-service', 'business-service', 'gateway', 'notification-service']);
  });

  it('aims kills at the business-service relay and the notification-service consumer, once each when short, three times each otherwise', () => {
    const aimed = (short: boolean) =>
      planFaults(seededRandom(42), 300_000, short)
        .filter((fault) => fault.kind === 'relay-kill-mid-batch' || fault.kind === 'consumer-kill-mid-handler')
        .map((fault) => `${fault.kind} ${fault.target}`)
        .sort();
    expect(aimed(true)).toEqual([
      'consumer-kill-mid-handler notification-service',
      'relay-kill-mid-batch business-service',
    ]);
    expect(aimed(false)).toHaveLength(6);
    expect(new Set(aimed(false)).size).toBe(2);
  });
});
