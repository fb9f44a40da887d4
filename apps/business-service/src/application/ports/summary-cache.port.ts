import type { BusinessSummary } from '../../domain/business-summary.js';

/**
 * The cache of business summaries (counts and totals by invoice status).
 *
 * Contract: `invalidate` is called AFTER the transaction that changed a business's invoices has
 * committed (never inside it: a reader could otherwise cache the old state again before the
 * commit). It never throws: a cache that cannot be reached is logged, and its entries expire by
 * their TTL.
 */
export interface SummaryCacheInvalidation {
  invalidate(businessId: string): Promise<void>;
}

/**
 * The read side of the cache: the summary of `businessId`, from the cache when it holds one, else
 * from `compute` (and then cached).
 *
 * Contract: it never throws for the cache itself: a cache that cannot be reached means `compute`
 * (errors of `compute` do propagate). Concurrent misses of one business run `compute` once where
 * the cache can coordinate them. A value computed before an `invalidate` of the same business is
 * never cached after it: after `invalidate(b)` resolves, no caller gets a summary that was read
 * from the database before the change it follows, except callers whose own request overlapped it.
 * It does no access check: callers check the tenant first, on every call, hit or miss.
 */
export interface SummaryCache extends SummaryCacheInvalidation {
  getOrCompute(businessId: string, compute: () => Promise<BusinessSummary>): Promise<BusinessSummary>;
}
