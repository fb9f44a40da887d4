import { makeTestCertificates, startTestRedis, type TestCertificates, type TestRedis } from '@platform/infra/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisConnection } from './redis-tls.js';

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

/** The first thing a client built from the connection gets: the PING's answer, or its connection error. */
async function firstAnswer(url: string, caFile?: string): Promise<string> {
  const { tls } = redisConnection(url, caFile);
  const client = new Redis(url, { tls, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
  const failed = new Promise<string>((resolve) => client.once('error', (error: Error) => resolve(error.message)));
  try {
    return await Promise.race([client.connect().then(() => client.ping()), failed]);
  } catch (error) {
    return (error as Error).message;
  } finally {
    client.disconnect();
  }
}

describe('redisConnection', () => {
  it('talks to a TLS-only Redis whose certificate the CA file vouches for', async () => {
    expect(redis.url).toMatch(/^rediss:\/\//);
    expect(await firstAnswer(redis.url, certificates.caFile)).toBe('PONG');
  });

  it('refuses a server signed by another CA, with the certificate error', async () => {
    expect(await firstAnswer(redis.url, certificates.otherCaFile)).toMatch(/certificate/i);
  });

  it('refuses a server whose certificate is not for the host name it was reached by', async () => {
    const byName = redis.url.replace('127.0.0.1', 'localhost');
    expect(await firstAnswer(byName, certificates.caFile)).toMatch(/does not match|altnames/i);
  });

  it('verifies against the system CAs without a CA file, so a private CA is refused', async () => {
    expect(await firstAnswer(redis.url)).toMatch(/certificate/i);
  });

  it('refuses a CA file beside a plain redis:// URL, and a CA file that is not PEM', () => {
    expect(() => redisConnection('redis://127.0.0.1:6379', certificates.caFile)).toThrow(
      'REDIS_CA_FILE is set but REDIS_URL is not rediss://',
    );
    expect(() => redisConnection(redis.url, `${certificates.dir}/missing.pem`)).toThrow(
      /REDIS_CA_FILE: cannot read .*missing\.pem \(ENOENT\)/,
    );
  });
});
