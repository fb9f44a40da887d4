import { asRedisConnection, type RedisConnection } from '@platform/tls';
import { Redis } from 'ioredis';
import type { RateLimitCount, RateLimitStore } from './rate-limit-store.js';

// INCR and the window's expiry in one atomic step; the first hit sets the expiry.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

const CONNECT_WAIT_MS = 500;

/** Counts in Redis, so every gateway instance shares them (REDIS_URL). */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(connection: string | RedisConnection) {
    const { url, tls } = asRedisConnection(connection);
    // Fail fast instead of queueing commands while Redis is away: the caller decides what then.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, tls });
    this.redis.on('error', () => undefined);
  }

  async hit(key: string, windowMs: number): Promise<RateLimitCount> {
    if (this.redis.status !== 'ready') await this.ready();
    const [count, ttl] = (await this.redis.eval(HIT, 1, `ratelimit:${key}`, String(windowMs))) as [number, number];
    return { count, resetInMs: ttl };
  }

  // Waits briefly for the connection (at start, or after Redis came back); then gives up.
  private ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        reject(new Error('Redis is not connected'));
      }, CONNECT_WAIT_MS);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.redis.once('ready', onReady);
    });
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
