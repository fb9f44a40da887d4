import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@platform/bootstrap';
import { makeTestCertificates, startTestRedis, type TestCertificates, type TestRedis } from '@platform/infra/testing';
import { redisCheck } from '@platform/monitoring';
import { redisConnection } from '@platform/tls';
import type { ModuleRef } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfig } from '../src/gateway.config.js';
import { RedisIdempotencyStore } from '../src/infrastructure/secondary-adapters/idempotency/redis-idempotency.store.js';
import { RedisRateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/redis-rate-limit.store.js';
import { RedisRevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/redis-revoked-sessions.store.js';

const required = { IDENTITY_SIGNING_KEY: 'k'.repeat(64), KAFKA_BROKERS: '127.0.0.1:9092' };

let certificates: TestCertificates;
let redis: TestRedis;

beforeAll(async () => {
  certificates = await makeTestCertificates({ hosts: ['127.0.0.1'] });
  redis = await startTestRedis({
    tls: { certFile: certificates.serverCertFile, keyFile: certificates.serverKeyFile, caFile: certificates.caFile },
  });
}, 30_000);

afterAll(async () => {
  await redis?.stop();
  certificates?.remove();
});

/** The stores as the gateway's module builds them from its settings. */
function storesFrom(env: Record<string, string>) {
  const config = loadConfig(GatewayConfig, { ...required, ...env });
  const connection = redisConnection(config.REDIS_URL!, config.REDIS_CA_FILE);
  return {
    rateLimits: new RedisRateLimitStore(connection),
    idempotency: new RedisIdempotencyStore(connection),
    revocations: new RedisRevokedSessionsStore(connection),
    async close() {
      await Promise.all([this.rateLimits.close(), this.idempotency.close(), this.revocations.close()]);
    },
  };
}

const check = (url: string, caFile: string) =>
  redisCheck({ url, caFile, timeoutMs: 5_000 }).check({
    signal: new AbortController().signal,
    moduleRef: undefined as unknown as ModuleRef,
  });

describe('gateway stores over TLS (rediss:// with REDIS_CA_FILE)', () => {
  it('count, claim and revoke through a TLS-only Redis, and its health check passes', async () => {
    const stores = storesFrom({ REDIS_URL: redis.url, REDIS_CA_FILE: certificates.caFile });
    try {
      const key = randomUUID();
      expect((await stores.rateLimits.hit(key, 60_000)).count).toBe(1);
      expect((await stores.rateLimits.hit(key, 60_000)).count).toBe(2);
      expect(await stores.idempotency.reserve(key, 'f1', 60_000)).toBeUndefined();
      expect(await stores.idempotency.reserve(key, 'f2', 60_000)).toEqual({ state: 'in-progress', fingerprint: 'f1' });
      await stores.revocations.revoke(key, 1_000, Date.now() + 60_000);
      expect(await stores.revocations.validAfter(key)).toBe(1_000);
    } finally {
      await stores.close();
    }
    await expect(check(redis.url, certificates.caFile)).resolves.toBeUndefined();
  });

  it('refuses a Redis whose certificate another CA signed: every call fails, the health check names the cause', async () => {
    const stores = storesFrom({ REDIS_URL: redis.url, REDIS_CA_FILE: certificates.otherCaFile });
    try {
      const key = randomUUID();
      await expect(stores.rateLimits.hit(key, 60_000)).rejects.toThrow();
      await expect(stores.idempotency.reserve(key, 'f1', 60_000)).rejects.toThrow();
      await expect(stores.revocations.validAfter(key)).rejects.toThrow();
    } finally {
      await stores.close();
    }
    await expect(check(redis.url, certificates.otherCaFile)).rejects.toThrow(/certificate/i);
  });

  it('stops at start-up on a CA file beside a plain redis:// URL, or one that cannot be read', () => {
    expect(() =>
      loadConfig(GatewayConfig, {
        ...required,
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_CA_FILE: certificates.caFile,
      }),
    ).toThrow('REDIS_CA_FILE needs REDIS_URL to be a rediss:// URL');
    expect(() =>
      loadConfig(GatewayConfig, {
        ...required,
        REDIS_URL: redis.url,
        REDIS_CA_FILE: `${certificates.dir}/missing.pem`,
      }),
    ).toThrow(/REDIS_CA_FILE must name a readable PEM file: cannot read .*missing\.pem \(ENOENT\)/);
    expect(loadConfig(GatewayConfig, { ...required, REDIS_URL: redis.url }).REDIS_CA_FILE).toBeUndefined();
  });
});
