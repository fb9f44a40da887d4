import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { bootstrapService, type RunningService, type ServiceConfig } from '@platform/bootstrap';
import { freePort } from '@platform/infra';
import { startTestRedis, type TestRedis } from '@platform/infra/testing';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RATE_LIMIT_RULES,
  RATE_LIMIT_STORE,
  RateLimit,
  RateLimitGuard,
  type RateLimitRules,
} from '../src/infrastructure/primary-adapters/http/rate-limit.guard.js';
import { MemoryRateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/memory-rate-limit.store.js';
import type { RateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/rate-limit-store.js';
import { RedisRateLimitStore } from '../src/infrastructure/secondary-adapters/rate-limit/redis-rate-limit.store.js';

@Controller()
class PingController {
  @Get('open')
  open(): string {
    return 'ok';
  }

  @Get('tight')
  @RateLimit('tight')
  tight(): string {
    return 'ok';
  }
}

const rules: RateLimitRules = { global: { limit: 5, windowSeconds: 60 }, tight: { limit: 2, windowSeconds: 60 } };

async function gatewayWith(store: RateLimitStore): Promise<RunningService<ServiceConfig>> {
  @Module({
    controllers: [PingController],
    providers: [
      { provide: RATE_LIMIT_STORE, useValue: store },
      { provide: RATE_LIMIT_RULES, useValue: rules },
      { provide: APP_GUARD, useClass: RateLimitGuard },
    ],
  })
  class LimitedModule {}
  return bootstrapService({
    name: 'rate-limit-test',
    module: LimitedModule,
    env: { PORT: '0', HOST: '127.0.0.1', MANAGEMENT_PORT: '0', NODE_ENV: 'test' },
    logStream: new PassThrough(),
    handleSignals: false,
  });
}

const statuses = async (url: string, times: number) => {
  const result: number[] = [];
  for (let i = 0; i < times; i++) result.push((await fetch(url)).status);
  return result;
};

describe('rate limits, in memory', () => {
  let service: RunningService<ServiceConfig>;
  beforeAll(async () => {
    service = await gatewayWith(new MemoryRateLimitStore());
  });
  afterAll(async () => {
    await service?.shutdown('test over');
  });

  it('answer a route over its own limit with 429, Retry-After and RateLimit headers', async () => {
    expect(await statuses(`${service.url}/tight`, 2)).toEqual([200, 200]);
    const limited = await fetch(`${service.url}/tight`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ status: 429, code: 'GATEWAY.RATE_LIMITED' });
  });

  it('count every route against the global limit', async () => {
    // 3 requests so far from this address (2 allowed + 1 refused on /tight), global limit 5.
    expect(await statuses(`${service.url}/open`, 3)).toEqual([200, 200, 429]);
  });
});

describe('rate limits, in Redis', () => {
  let redis: TestRedis;
  const services: RunningService<ServiceConfig>[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++) services.push(await gatewayWith(new RedisRateLimitStore(redis.url)));
  });
  afterAll(async () => {
    for (const service of services) await service.shutdown('test over');
    await redis?.stop();
  });

  it('are shared by several gateway instances', async () => {
    const [first, second] = services as [RunningService<ServiceConfig>, RunningService<ServiceConfig>];
    expect(await statuses(`${first.url}/tight`, 2)).toEqual([200, 200]);
    expect((await fetch(`${second.url}/tight`)).status).toBe(429);
  });

  it('let requests through when Redis is unreachable', async () => {
    const unreachable = await gatewayWith(new RedisRateLimitStore(`redis://127.0.0.1:${await freePort()}`));
    try {
      expect(await statuses(`${unreachable.url}/tight`, 4)).toEqual([200, 200, 200, 200]);
    } finally {
      await unreachable.shutdown('test over');
    }
  });
});
