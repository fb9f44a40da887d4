import type { SummaryCacheInvalidation } from '../../src/application/ports/summary-cache.port.js';

/** One call of `invalidate`, with what `observe` saw at that moment. */
export interface RecordedInvalidation<T> {
  businessId: string;
  observed: T;
}

/**
 * A SummaryCacheInvalidation that records every call. `observe` runs at each call, on its own
 * connection (outside the caller's transaction): what it sees is what was committed by then, so a
 * test can tell an invalidation after the commit from one inside the transaction.
 */
export class RecordingSummaryCache<T = undefined> implements SummaryCacheInvalidation {
  readonly calls: RecordedInvalidation<T>[] = [];

  constructor(private readonly observe: (businessId: string) => Promise<T> = async () => undefined as T) {}

  async invalidate(businessId: string): Promise<void> {
    this.calls.push({ businessId, observed: await this.observe(businessId) });
  }

  /** Forgets the calls so far. */
  clear(): void {
    this.calls.length = 0;
  }
}
