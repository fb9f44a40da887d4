import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { makeTestCertificates, startTestRedis, type TestCertificates, type TestRedis } from '@platform/infra/testing';
import { captureLogs, type LogCapture } from '@platform/logging/testing';
import { redisConnection } from '@platform/tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessSummary } from '../../src/domain/business-summary.js';
import { RedisSummaryCache } from '../../src/infrastructure/secondary-adapters/cache/redis-summary-cache.js';

let certificates: TestCertificates;
let redis: TestRedis;
let logs: LogCapture;

beforeAll(async () => {
  logs = captureLogs();
  certificates = await makeTestCertificates({ hosts: ['127.0.0.1'] });
  redis = await startTestRedis({
    tls: { certFile: certificates.serverCertFile, keyFile: certificates.serverKeyFile, caFile: certificates.caFile },
  });
}, 30_000);

afterAll(async () => {
  await redis?.stop();
  certificates?.remove();
});

/** A computation that counts its calls, standing for the PostgreSQL aggregate. */
function counted(businessId: string) {
  const counter = { calls: 0 };
  const compute = async (): Promise<BusinessSummary> => {
    counter.calls += 1;
    return { businessId, byStatus: [], overdue: [], computedAt: new Date() };
  };
  return { counter, compute };
}

describe('summary cache over TLS (rediss:// with REDIS_CA_FILE)', () => {
  it('serves the second read from a TLS-only Redis', async () => {
    const cache = new RedisSummaryCache(redisConnection(redis.url, certificates.caFile));
    try {
      const businessId = randomUUID();
      const { counter, compute } = counted(businessId);
      await cache.getOrCompute(businessId, compute);
      await cache.getOrCompute(businessId, compute);
      expect(counter.calls).toBe(1);
    } finally {
      await cache.close();
    }
  });

  it('with a CA that did not sign the server, computes every read and logs the certificate error', async () => {
    const cache = new RedisSummaryCache(redisConnection(redis.url, certificates.otherCaFile));
    try {
      const businessId = randomUUID();
      const { counter, compute } = counted(businessId);
      await cache.getOrCompute(businessId, compute);
      await cache.getOrCompute(businessId, compute);
      expect(counter.calls).toBe(2);
      const warning = await logs.waitFor((record) => record.message === 'summary cache: Redis connection error');
      expect(String(warning['error'])).toMatch(/certificate/i);
    } finally {
      await cache.close();
    }
  });
});
