import { randomUUID } from 'node:crypto';
import { startTestRedis, type TestRedis } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../src/infrastructure/secondary-adapters/idempotency/idempotency-store.js';
import { MemoryIdempotencyStore } from '../src/infrastructure/secondary-adapters/idempotency/memory-idempotency.store.js';
import { RedisIdempotencyStore } from '../src/infrastructure/secondary-adapters/idempotency/redis-idempotency.store.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const response = { status: 201, headers: { 'content-type': 'application/json' }, body: { id: 'u-1' } };

describe.each([
  ['memory', (): IdempotencyStore => new MemoryIdempotencyStore()],
  ['redis', (): IdempotencyStore => new RedisIdempotencyStore(redis.url)],
])('idempotency store (%s)', (_, make) => {
  it('claims a key once, then tells what it holds: in progress, done, or free again', async () => {
    const store = make();
    try {
      const key = randomUUID();
      expect(await store.reserve(key, 'f1', 60_000)).toBeUndefined();
      expect(await store.reserve(key, 'f2', 60_000)).toEqual({ state: 'in-progress', fingerprint: 'f1' });
      await store.complete(key, 'f1', response, 60_000);
      expect(await store.reserve(key, 'f1', 60_000)).toEqual({ state: 'done', fingerprint: 'f1', response });
      await store.release(key);
      expect(await store.reserve(key, 'f3', 60_000)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('lets exactly one of concurrent requests with one key through', async () => {
    const store = make();
    try {
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.reserve(key, 'f', 60_000)));
      expect(results.filter((result) => result === undefined)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('forgets a key after its time to live', async () => {
    const store = make();
    try {
      const key = randomUUID();
      await store.reserve(key, 'f', 50);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await store.reserve(key, 'g', 60_000)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
