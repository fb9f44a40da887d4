/** An answer kept for replay: what the client got the first time. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What a key holds: a request still running, or the answer it got; with the request's fingerprint. */
export type IdempotencyRecord =
  { state: 'in-progress'; fingerprint: string } | { state: 'done'; fingerprint: string; response: StoredResponse };

/**
 * Remembers requests by idempotency key.
 *
 * Contract: `reserve` atomically claims an unused key for a request with `fingerprint` and
 * resolves undefined; when the key is taken it resolves what the key holds, and changes
 * nothing. `complete` stores the answer under a reserved key; `release` frees it (the request
 * failed in a way the client may retry). Keys expire `ttlMs` after they were reserved or completed.
 * Instances that share a store share the keys.
 */
export interface IdempotencyStore {
  reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined>;
  complete(key: string, fingerprint: string, response: StoredResponse, ttlMs: number): Promise<void>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}
