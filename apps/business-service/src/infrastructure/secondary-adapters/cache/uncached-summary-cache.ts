import type { SummaryCache } from '../../../application/ports/summary-cache.port.js';
import type { BusinessSummary } from '../../../domain/business-summary.js';
import { summaryCacheMetrics } from './summary-cache.metrics.js';

/**
 * SummaryCache without a cache (no REDIS_URL): every summary is computed from PostgreSQL, so it
 * is always current, and there is nothing to invalidate. Computations are still timed.
 */
export class UncachedSummaries implements SummaryCache {
  private readonly metrics = summaryCacheMetrics();

  async getOrCompute(_businessId: string, compute: () => Promise<BusinessSummary>): Promise<BusinessSummary> {
    const done = this.metrics.startTimer('business_summary_compute_duration_seconds', {});
    try {
      return await compute();
    } finally {
      done();
    }
  }

  async invalidate(): Promise<void> {
    // Nothing is kept, so nothing can be stale.
  }
}
