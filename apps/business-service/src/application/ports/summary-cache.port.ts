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
