import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OnModuleDestroy } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import { asRedisConnection, type RedisConnection } from '@platform/tls';
import { Redis } from 'ioredis';
import type { SummaryCache } from '../../../application/ports/summary-cache.port.js';
import type { BusinessSummary } from '../../../domain/business-summary.js';
import { SUMMARY_CACHE_RESULTS, summaryCacheMetrics, type SummaryCacheResult } from './summary-cache.metrics.js';

/** Tunables of the Redis summary cache; every one has a default (docs/decisions/0013). */
export interface RedisSummaryCacheOptions {
  /** Lifetime of a cached summary before jitter (default 60 s). */
  ttlMs?: number;
  /** ± this share of the TTL, at random per entry, so entries filled together do not expire together (default 0.1). */
  ttlJitter?: number;
  /** The stampede lock's lifetime: a holder that dies frees it after this (default 5 s). */
  lockTtlMs?: number;
  /** How long a request waits for another one's computation before computing itself (default 2 s). */
  lockWaitMs?: number;
  /** Interval at which a waiting request looks for the value (default 20 ms, ± half at random). */
  pollMs?: number;
  /** A Redis command that has not answered after this fails, and the summary comes from PostgreSQL (default 250 ms). */
  commandTimeoutMs?: number;
  /** How long an invalidation's generation outlives it (default 10 min); see `STORE`. */
  generationTtlMs?: number;
}

const DEFAULTS: Required<RedisSummaryCacheOptions> = {
  ttlMs: 60_000,
  ttlJitter: 0.1,
  lockTtlMs: 5_000,
  lockWaitMs: 2_000,
  pollMs: 20,
  commandTimeoutMs: 250,
  generationTtlMs: 600_000,
};

/** The key of a business's summary: a hash with `value` (the summary) and `generation`. */
export function summaryKey(businessId: string): string {
  return `business:summary:${businessId}`;
}

/** The key of the stampede lock of a business's summary. */
export function summaryLockKey(businessId: string): string {
  return `business:summary:${businessId}:lock`;
}

// Invalidation: the value goes, and a new generation (random, so it never repeats an earlier one)
// marks every computation that started before it as stale. The hash stays for generationTtlMs.
const INVALIDATE = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'generation', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

// Store only if no invalidation happened since the computing request read the generation (before
// it read the database): otherwise its summary may predate the change and would be served for a
// whole TTL. ARGV[1] is '' when the hash did not exist then.
const STORE = `
local current = redis.call('HGET', KEYS[1], 'generation') or ''
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'value', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

// Release the lock only if it is still ours: after its TTL it may belong to another request.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const FORMAT = 1;

interface StoredSummary {
  format: number;
  businessId: string;
  byStatus: BusinessSummary['byStatus'];
  overdue: BusinessSummary['overdue'];
  computedAt: string;
}

function encode(summary: BusinessSummary): string {
  const stored: StoredSummary = { format: FORMAT, ...summary, computedAt: summary.computedAt.toISOString() };
  return JSON.stringify(stored);
}

// A value of another format (an older or newer build) is a miss, not an error.
function decode(text: string, businessId: string): BusinessSummary | undefined {
  try {
    const stored = JSON.parse(text) as StoredSummary;
    if (stored.format !== FORMAT || stored.businessId !== businessId) return undefined;
    const { byStatus, overdue, computedAt } = stored;
    return { businessId, byStatus, overdue, computedAt: new Date(computedAt) };
  } catch {
    return undefined;
  }
}

interface Entry {
  summary?: BusinessSummary;
  /** '' when the hash does not exist. */
  generation: string;
}

/**
 * SummaryCache in Redis (docs/decisions/0013): one hash per business under
 * `business:summary:<businessId>`, a TTL with jitter, a single-instance stampede lock (SET NX PX
 * with a random token, released by compare-and-delete) whose waiters poll for the value for a
 * bounded time, and a generation that keeps a computation overtaken by an invalidation from being
 * cached. Redis unreachable or slow: the summary is computed from PostgreSQL, never an error.
 */
export class RedisSummaryCache implements SummaryCache, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly options: Required<RedisSummaryCacheOptions>;
  private readonly metrics = summaryCacheMetrics();
  private readonly log = getLogger('SummaryCache');
  private lastWarningAt = 0;
  /** Settles once the first connection is made or has failed: until then commands would fail at once. */
  private readonly firstConnection: Promise<void>;
  private firstConnectionSettled = false;

  constructor(connection: string | RedisConnection, options: RedisSummaryCacheOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    const { url, tls } = asRedisConnection(connection);
    // Fail fast rather than queue or retry commands while Redis is away: PostgreSQL answers then.
    // Reconnection backs off to 5 s, so an outage costs a connection attempt every few seconds.
    this.redis = new Redis(url, {
      tls,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: this.options.commandTimeoutMs,
      connectTimeout: 1_000,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5_000),
    });
    this.redis.on('error', (error: Error) => this.warn('summary cache: Redis connection error', error));
    this.firstConnection = new Promise<void>((resolve) => {
      const settle = () => {
        this.redis.off('ready', settle).off('end', settle).off('reconnecting', settle);
        this.firstConnectionSettled = true;
        resolve();
      };
      this.redis.once('ready', settle).once('end', settle).once('reconnecting', settle);
    });
    for (const result of SUMMARY_CACHE_RESULTS) this.count(result, 0);
  }

  async getOrCompute(businessId: string, compute: () => Promise<BusinessSummary>): Promise<BusinessSummary> {
    await this.started();
    let entry: Entry;
    try {
      entry = await this.read(businessId);
    } catch (error) {
      return this.withoutCache(error, compute);
    }
    if (entry.summary) {
      this.count('hit');
      return entry.summary;
    }
    return this.fill(businessId, compute);
  }

  async invalidate(businessId: string): Promise<void> {
    await this.started();
    try {
      await this.redis.eval(INVALIDATE, 1, summaryKey(businessId), randomUUID(), String(this.options.generationTtlMs));
    } catch (error) {
      // The contract: never throw. The stale entry expires with its TTL.
      this.warn('summary cache: invalidation failed, the entry expires with its TTL', error, { businessId });
    }
  }

  /** Closes the connection; Nest calls it at shutdown. */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  // A miss: one request takes the lock and computes; the others wait for its value, take the lock
  // over when it is released without one, or compute themselves once lockWaitMs has run out.
  private async fill(businessId: string, compute: () => Promise<BusinessSummary>): Promise<BusinessSummary> {
    const token = randomUUID();
    const deadline = Date.now() + this.options.lockWaitMs;
    let waited = false;
    for (;;) {
      let locked: boolean;
      try {
        locked = (await this.redis.set(summaryLockKey(businessId), token, 'PX', this.options.lockTtlMs, 'NX')) === 'OK';
      } catch (error) {
        return this.withoutCache(error, compute);
      }
      if (locked) return this.computeHoldingLock(businessId, token, waited, compute);
      if (Date.now() >= deadline) {
        this.metrics.inc('business_summary_cache_lock_timeouts_total', {});
        return this.computeAndStore(businessId, compute, 'lock_wait');
      }
      waited = true;
      await sleep(this.options.pollMs * (0.5 + Math.random()));
      try {
        const entry = await this.read(businessId);
        if (entry.summary) {
          this.count('lock_wait');
          return entry.summary;
        }
      } catch (error) {
        return this.withoutCache(error, compute);
      }
    }
  }

  private async computeHoldingLock(
    businessId: string,
    token: string,
    waited: boolean,
    compute: () => Promise<BusinessSummary>,
  ): Promise<BusinessSummary> {
    try {
      return await this.computeAndStore(businessId, compute, waited ? 'lock_wait' : 'hit');
    } finally {
      await this.redis.eval(RELEASE, 1, summaryLockKey(businessId), token).catch((error: unknown) => {
        this.warn('summary cache: lock release failed, it expires with its TTL', error, { businessId });
      });
    }
  }

  // `foundAs`: how to count a value another request stored since this one last looked.
  private async computeAndStore(
    businessId: string,
    compute: () => Promise<BusinessSummary>,
    foundAs: SummaryCacheResult,
  ): Promise<BusinessSummary> {
    let entry: Entry;
    try {
      // The generation is read before the database is: see STORE.
      entry = await this.read(businessId);
    } catch (error) {
      return this.withoutCache(error, compute);
    }
    if (entry.summary) {
      this.count(foundAs);
      return entry.summary;
    }
    this.count('miss');
    const started = Date.now();
    const summary = await this.timed(compute);
    // A computation slower than the shortest TTL could outlive the generation it read (an entry
    // expired and re-created meanwhile); it is served, not cached.
    if (Date.now() - started < this.minTtlMs()) await this.store(businessId, entry.generation, summary);
    return summary;
  }

  // Right after start-up, waits (briefly) for the first connection rather than skip the cache.
  private async started(): Promise<void> {
    if (this.firstConnectionSettled || this.redis.status === 'ready') return;
    await Promise.race([this.firstConnection, sleep(this.options.commandTimeoutMs)]);
  }

  private async store(businessId: string, generation: string, summary: BusinessSummary): Promise<void> {
    const jitter = (Math.random() * 2 - 1) * this.options.ttlJitter;
    const ttlMs = Math.round(this.options.ttlMs * (1 + jitter));
    try {
      await this.redis.eval(STORE, 1, summaryKey(businessId), generation, encode(summary), String(ttlMs));
    } catch (error) {
      this.warn('summary cache: a computed summary could not be stored', error, { businessId });
    }
  }

  private async read(businessId: string): Promise<Entry> {
    const [value, generation] = await this.redis.hmget(summaryKey(businessId), 'value', 'generation');
    const summary = value === null ? undefined : decode(value, businessId);
    return { summary, generation: generation ?? '' };
  }

  private async withoutCache(error: unknown, compute: () => Promise<BusinessSummary>): Promise<BusinessSummary> {
    this.count('error');
    this.warn('summary cache unavailable, computing from PostgreSQL', error);
    return this.timed(compute);
  }

  private async timed(compute: () => Promise<BusinessSummary>): Promise<BusinessSummary> {
    const done = this.metrics.startTimer('business_summary_compute_duration_seconds', {});
    try {
      return await compute();
    } finally {
      done();
    }
  }

  private minTtlMs(): number {
    return this.options.ttlMs * (1 - this.options.ttlJitter);
  }

  private count(result: SummaryCacheResult, value = 1): void {
    this.metrics.inc('business_summary_cache_requests_total', { result }, value);
  }

  // At most one warning every 10 s: an outage must not turn every request into a log line.
  private warn(message: string, error: unknown, meta: Record<string, unknown> = {}): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 10_000) return;
    this.lastWarningAt = now;
    this.log.warn(message, { ...meta, error: error instanceof Error ? error.message : String(error) });
  }
}
