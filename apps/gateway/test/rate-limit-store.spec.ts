import { startTestRedis, type TestRedis } from '@platform/infra/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/memory-rate-limit.store.js';
import type { RateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/rate-limit-store.js';
import { RedisRateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/redis-rate-limit.store.js';

// One contract, every store: what the port promises must hold for memory and for Redis alike.
let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const stores: [string, () => RateLimitStore][] = [
  ['memory', () => new MemoryRateLimitStore()],
  ['redis', () => new RedisRateLimitStore(redis.url)],
];

describe.each(stores)('rate-limit store (%s)', (_, make) => {
  it('counts concurrent hits atomically, 1..N, per key', async () => {
    const store = make();
    try {
      const key = randomUUID();
      const counts = await Promise.all(Array.from({ length: 50 }, () => store.hit(key, 60_000)));
      expect(counts.map((count) => count.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect((await store.hit(randomUUID(), 60_000)).count).toBe(1);
      const { resetInMs } = await store.hit(key, 60_000);
      expect(resetInMs).toBeGreaterThan(0);
      expect(resetInMs).toBeLessThanOrEqual(60_000);
    } finally {
      await store.close();
    }
  });

  it('starts a new window once the current one has ended', async () => {
    const store = make();
    try {
      const key = randomUUID();
      await store.hit(key, 100);
      const second = await store.hit(key, 100);
      expect(second.count).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, second.resetInMs + 50));
      expect((await store.hit(key, 100)).count).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('Redis store', () => {
  it('shares counts between gateway instances', async () => {
    const [first, second] = [new RedisRateLimitStore(redis.url), new RedisRateLimitStore(redis.url)];
    try {
      const key = randomUUID();
      await first.hit(key, 60_000);
      expect((await second.hit(key, 60_000)).count).toBe(2);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
