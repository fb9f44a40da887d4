import type { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.js';

/** Keys in this process's memory: for a single gateway instance (no REDIS_URL). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();

  async reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined> {
    const existing = this.records.get(key);
    if (existing && existing.expiresAt > Date.now()) return existing.record;
    this.records.set(key, { record: { state: 'in-progress', fingerprint }, expiresAt: Date.now() + ttlMs });
    return undefined;
  }

  async complete(key: string, fingerprint: string, response: StoredResponse, ttlMs: number): Promise<void> {
    this.records.set(key, { record: { state: 'done', fingerprint, response }, expiresAt: Date.now() + ttlMs });
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }

  async close(): Promise<void> {
    this.records.clear();
  }
}
