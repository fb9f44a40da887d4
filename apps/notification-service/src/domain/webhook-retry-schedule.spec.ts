import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, nextAttemptDelay, parseRetrySchedule } from './webhook-retry-schedule.js';

describe('webhook retry schedule', () => {
  it("follows Svix's schedule and stops after its last attempt", () => {
    expect(nextAttemptDelay(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, 1, undefined, 3_600_000)).toBe(5_000);
    expect(nextAttemptDelay(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, 2, undefined, 3_600_000)).toBe(300_000);
    expect(nextAttemptDelay(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, 7, undefined, 3_600_000)).toBe(36_000_000);
    expect(nextAttemptDelay(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, 8, undefined, 3_600_000)).toBeUndefined();
  });

  it('lets Retry-After lengthen a wait up to the cap, never shorten it', () => {
    expect(nextAttemptDelay([0, 100], 1, 5_000, 60_000)).toBe(5_000);
    expect(nextAttemptDelay([0, 100], 1, 10, 60_000)).toBe(100);
    expect(nextAttemptDelay([0, 100], 1, 999_999, 60_000)).toBe(60_000);
  });

  it('parses a configured schedule and refuses a malformed one', () => {
    expect(parseRetrySchedule('0, 100,200')).toEqual([0, 100, 200]);
    expect(() => parseRetrySchedule('0,-1')).toThrow(RangeError);
    expect(() => parseRetrySchedule('0,abc')).toThrow(RangeError);
  });
});
