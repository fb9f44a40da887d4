import type { ModuleRef } from '@nestjs/core';
import { testInfra, testKafka } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITORING_ERROR_CODES } from '../../errors.js';
import { startFakeRedis, type FakeRedis } from '../../testing/fake-servers.js';
import type { ReadinessCheck } from '../readiness-check.js';
import { diskCheck } from './disk.check.js';
import { Heartbeat } from './heartbeat.js';
import { httpCheck } from './http.check.js';
import { kafkaCheck } from './kafka.check.js';
import { memoryCheck } from './memory.check.js';
import { redisCheck } from './redis.check.js';

function run(check: ReadinessCheck, signal = new AbortController().signal) {
  return check.check({ signal, moduleRef: undefined as unknown as ModuleRef });
}

describe('redisCheck', () => {
  let open: FakeRedis;
  let guarded: FakeRedis;

  beforeAll(async () => {
    open = await startFakeRedis();
    guarded = await startFakeRedis({ password: 's3cr:t' });
  });

  afterAll(async () => {
    await open.close();
    await guarded.close();
  });

  it('sends PING as a RESP command and passes on PONG', async () => {
    await expect(run(redisCheck({ url: open.url }))).resolves.toBeUndefined();
    expect(open.received.at(-1)).toBe('*1\r\n$4\r\nPING\r\n');
  });

  it('authenticates first when the URL has credentials, with or without a user name', async () => {
    const port = new URL(guarded.url).port;
    await expect(run(redisCheck({ url: `redis://:s3cr%3At@127.0.0.1:${port}` }))).resolves.toBeUndefined();
    expect(guarded.received.at(-1)).toBe('*2\r\n$4\r\nAUTH\r\n$6\r\ns3cr:t\r\n*1\r\n$4\r\nPING\r\n');
    await expect(run(redisCheck({ url: `redis://app:s3cr%3At@127.0.0.1:${port}` }))).resolves.toBeUndefined();
    await expect(run(redisCheck({ url: `redis://:wrong@127.0.0.1:${port}` }))).rejects.toThrow(
      'Redis answered WRONGPASS invalid password',
    );
    await expect(run(redisCheck({ url: guarded.url }))).rejects.toThrow(
      'Redis answered NOAUTH Authentication required.',
    );
  });

  it('stops waiting and closes the connection when its signal aborts', async () => {
    open.mode = 'silent';
    try {
      const controller = new AbortController();
      const pending = run(redisCheck({ url: open.url }), controller.signal);
      controller.abort();
      await expect(pending).rejects.toThrow('no answer from Redis in time');
    } finally {
      open.mode = 'pong';
    }
  });

  it('fails when nothing listens', async () => {
    const fake = await startFakeRedis();
    await fake.close();
    await expect(run(redisCheck({ url: fake.url }))).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a missing or malformed URL, or a CA beside a plain URL, when it is declared', () => {
    const saved = process.env['REDIS_URL'];
    delete process.env['REDIS_URL'];
    try {
      expect(() => redisCheck()).toThrowError(
        expect.objectContaining({ code: MONITORING_ERROR_CODES.invalidConfiguration }),
      );
    } finally {
      if (saved !== undefined) process.env['REDIS_URL'] = saved;
    }
    expect(() => redisCheck({ url: 'not a url' })).toThrow('"not a url" is not a URL');
    expect(() => redisCheck({ url: 'redis://cache:6379', caFile: '/etc/ca.pem' })).toThrow(
      'REDIS_CA_FILE is set but REDIS_URL is not rediss://',
    );
    expect(() => redisCheck({ url: 'http://cache' })).toThrow('is not redis://');
  });
});

describe('kafkaCheck', () => {
  it('describes the cluster through the service’s own client, and disconnects on close', async () => {
    const check = kafkaCheck({ kafka: testKafka() });
    try {
      const details = await run(check);
      expect(details).toMatchObject({ brokers: testInfra().kafkaBrokers.length, clusterId: expect.any(String) });
      // The admin connection is kept: a second probe works without reconnecting first.
      await expect(run(check)).resolves.toMatchObject({ brokers: testInfra().kafkaBrokers.length });
    } finally {
      await check.close!();
    }
  });

  it('fails when no broker answers', async () => {
    const check = kafkaCheck({ brokers: ['127.0.0.1:1'] });
    try {
      await expect(run(check)).rejects.toThrow();
    } finally {
      await check.close!();
    }
  });

  it('refuses to be declared without brokers', () => {
    const saved = process.env['KAFKA_BROKERS'];
    delete process.env['KAFKA_BROKERS'];
    try {
      expect(() => kafkaCheck()).toThrow('kafkaCheck needs a kafka client, a brokers list or the KAFKA_BROKERS');
    } finally {
      if (saved !== undefined) process.env['KAFKA_BROKERS'] = saved;
    }
  });
});

describe('Heartbeat', () => {
  it('counts from its creation until the first beat, then from the last beat', async () => {
    let now = 1_000_000;
    const heartbeat = new Heartbeat('exporter', { maxAgeMs: 5000, now: () => now });
    await expect(heartbeat.check()).resolves.toEqual({ lastBeatAt: null, ageMs: 0, maxAgeMs: 5000 });
    now += 5001;
    await expect(heartbeat.check()).rejects.toThrow('no beat in the 5001 ms since start (max 5000 ms)');
    heartbeat.beat();
    now += 5000;
    await expect(heartbeat.check()).resolves.toEqual({
      lastBeatAt: new Date(1_005_001).toISOString(),
      ageMs: 5000,
      maxAgeMs: 5000,
    });
    now += 1;
    await expect(heartbeat.check()).rejects.toThrow('last beat 5001 ms ago (max 5000 ms)');
  });

  it('refuses a max age that is not a positive number', () => {
    expect(() => new Heartbeat('x', { maxAgeMs: 0 })).toThrow('maxAgeMs must be a positive number');
  });
});

describe('diskCheck and memoryCheck', () => {
  it('pass under their thresholds and fail above them, saying by how much', async () => {
    await expect(run(diskCheck({ path: '/', maxUsedRatio: 1 }))).resolves.toMatchObject({ path: '/' });
    await expect(run(diskCheck({ path: '/', maxUsedRatio: 0 }))).rejects.toThrow(/^\/ is \d+\.\d% used \(max 0\.0%\)$/);
    await expect(run(memoryCheck({ maxRssBytes: 1024 ** 4 }))).resolves.toMatchObject({ rssBytes: expect.any(Number) });
    await expect(run(memoryCheck({ maxHeapUsedBytes: 1 }))).rejects.toThrow(/^heap used \d+ bytes, above 1$/);
    await expect(run(memoryCheck({ maxRssBytes: 1 }))).rejects.toThrow(/^resident set \d+ bytes, above 1$/);
  });

  it('refuse thresholds that make no sense', () => {
    expect(() => diskCheck({ maxUsedRatio: 1.5 })).toThrow('maxUsedRatio must be from 0 to 1');
    expect(() => memoryCheck({})).toThrow('give maxHeapUsedBytes and/or maxRssBytes');
    expect(() => memoryCheck({ maxRssBytes: -1 })).toThrow('give maxHeapUsedBytes and/or maxRssBytes');
  });
});

describe('httpCheck', () => {
  it('fails when nothing listens, and refuses a malformed URL at declaration', async () => {
    await expect(run(httpCheck({ name: 'nothing', url: 'http://127.0.0.1:1/health' }))).rejects.toThrow();
    expect(() => httpCheck({ name: 'bad', url: 'not a url' })).toThrow();
  });
});
