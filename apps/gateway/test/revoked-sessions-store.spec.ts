import { randomUUID } from 'node:crypto';
import { eventually, startTestRedis, type TestRedis } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/memory-revoked-sessions.store.js';
import { RedisRevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/redis-revoked-sessions.store.js';
import type { RevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/revoked-sessions-store.js';

// One contract, every store: what the port promises must hold for memory and for Redis alike.
let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const HOUR = 3_600_000;

describe.each([
  ['memory', (): RevokedSessionsStore => new MemoryRevokedSessionsStore()],
  ['redis', (): RevokedSessionsStore => new RedisRevokedSessionsStore(redis.url)],
])('revoked-sessions store (%s)', (_, make) => {
  it('keeps the latest cut-off of each user: an earlier one never moves it back', async () => {
    const store = make();
    try {
      const [ada, grace] = [randomUUID(), randomUUID()];
      const cutOff = Date.now();
      expect(await store.validAfter(ada)).toBeUndefined();
      await store.revoke(ada, cutOff, cutOff + HOUR);
      // Replayed out of order, or from two gateway instances: the later cut-off wins.
      await store.revoke(ada, cutOff - 1, cutOff + HOUR);
      expect(await store.validAfter(ada)).toBe(cutOff);
      await store.revoke(ada, cutOff + 1, cutOff + HOUR);
      expect(await store.validAfter(ada)).toBe(cutOff + 1);
      expect(await store.validAfter(grace)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('keeps the highest of concurrent cut-offs', async () => {
    const store = make();
    try {
      const user = randomUUID();
      const base = Date.now();
      const cutOffs = Array.from({ length: 40 }, (_, i) => base + ((i * 17) % 40));
      await Promise.all(cutOffs.map((cutOff) => store.revoke(user, cutOff, base + HOUR)));
      expect(await store.validAfter(user)).toBe(Math.max(...cutOffs));
    } finally {
      await store.close();
    }
  });

  it('forgets a cut-off once it expires, and ignores one that already has', async () => {
    const store = make();
    try {
      const [soon, past] = [randomUUID(), randomUUID()];
      const now = Date.now();
      await store.revoke(past, now - HOUR, now - 1);
      expect(await store.validAfter(past)).toBeUndefined();
      await store.revoke(soon, now, now + 300);
      expect(await store.validAfter(soon)).toBe(now);
      await eventually('the cut-off to expire', async () => (await store.validAfter(soon)) === undefined, 10_000);
    } finally {
      await store.close();
    }
  });
});

describe('Redis store', () => {
  it('shares cut-offs between gateway instances', async () => {
    const [first, second] = [new RedisRevokedSessionsStore(redis.url), new RedisRevokedSessionsStore(redis.url)];
    try {
      const user = randomUUID();
      const cutOff = Date.now();
      await first.revoke(user, cutOff, cutOff + HOUR);
      expect(await second.validAfter(user)).toBe(cutOff);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('rejects when Redis does not answer, rather than guess', async () => {
    const stopped = await startTestRedis();
    const store = new RedisRevokedSessionsStore(stopped.url);
    try {
      await stopped.stop();
      await expect(store.validAfter(randomUUID())).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
