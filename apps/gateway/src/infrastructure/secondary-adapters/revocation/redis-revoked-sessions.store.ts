import { asRedisConnection, type RedisConnection } from '@platform/tls';
import { Redis } from 'ioredis';
import type { RevokedSessionsStore } from './revoked-sessions-store.js';

// Keeps the later cut-off in one atomic step, with the expiry that goes with it.
const REVOKE = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
return 1`;

// A lookup sits on the path of every authenticated request: it fails fast instead of waiting.
const COMMAND_TIMEOUT_MS = 500;

/** Cut-offs in Redis, so every gateway instance refuses a token as soon as one of them learnt it (REDIS_URL). */
export class RedisRevokedSessionsStore implements RevokedSessionsStore {
  private readonly redis: Redis;

  constructor(
    connection: string | RedisConnection,
    private readonly now: () => number = Date.now,
  ) {
    const { url, tls } = asRedisConnection(connection);
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, tls });
    this.redis.on('error', () => undefined);
  }

  async revoke(userId: string, validAfterMs: number, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= this.now()) return;
    await this.redis.eval(REVOKE, 1, this.name(userId), String(validAfterMs), String(expiresAtMs));
  }

  async validAfter(userId: string): Promise<number | undefined> {
    const value = await this.redis.get(this.name(userId));
    return value === null ? undefined : Number(value);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private name(userId: string): string {
    return `revoked-sessions:${userId}`;
  }
}
