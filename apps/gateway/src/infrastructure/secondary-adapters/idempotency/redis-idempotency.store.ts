import { asRedisConnection, type RedisConnection } from '@platform/tls';
import { Redis } from 'ioredis';
import type { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.js';

/** Keys in Redis, so a retry that lands on another gateway instance is recognised (REDIS_URL). */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis;

  constructor(connection: string | RedisConnection) {
    const { url, tls } = asRedisConnection(connection);
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, tls });
    this.redis.on('error', () => undefined);
  }

  async reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined> {
    const record: IdempotencyRecord = { state: 'in-progress', fingerprint };
    // SET NX claims the key atomically; when it is taken, what it holds is read instead.
    const claimed = await this.redis.set(this.name(key), JSON.stringify(record), 'PX', ttlMs, 'NX');
    if (claimed === 'OK') return undefined;
    const held = await this.redis.get(this.name(key));
    // Expired between the two calls: claim it again.
    return held === null ? this.reserve(key, fingerprint, ttlMs) : (JSON.parse(held) as IdempotencyRecord);
  }

  async complete(key: string, fingerprint: string, response: StoredResponse, ttlMs: number): Promise<void> {
    const record: IdempotencyRecord = { state: 'done', fingerprint, response };
    await this.redis.set(this.name(key), JSON.stringify(record), 'PX', ttlMs);
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.name(key));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private name(key: string): string {
    return `idempotency:${key}`;
  }
}
