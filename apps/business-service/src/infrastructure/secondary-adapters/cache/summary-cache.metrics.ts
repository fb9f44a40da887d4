import { defineMetrics } from '@platform/monitoring';

/** How a summary request was served; one per request. */
export type SummaryCacheResult = 'hit' | 'miss' | 'lock_wait' | 'error';

/** Every series from the start, at 0, so that a rate() sees the first of each. */
export const SUMMARY_CACHE_RESULTS: readonly SummaryCacheResult[] = ['hit', 'miss', 'lock_wait', 'error'];

/** The summary cache's metrics (bounded labels only: never a business id). */
export function summaryCacheMetrics() {
  return defineMetrics({
    business_summary_cache_requests_total: {
      kind: 'counter',
      help:
        'Summary requests by how they were served: hit (cached), miss (computed by this request), ' +
        'lock_wait (waited for another request computing it), error (cache unreachable, computed from PostgreSQL).',
      labelNames: ['result'],
    },
    business_summary_cache_lock_timeouts_total: {
      kind: 'counter',
      help: 'Waits for another request computing a summary that ran out (holder slow or gone); the waiter computed it.',
    },
    business_summary_compute_duration_seconds: {
      kind: 'histogram',
      help: 'Time to compute a business summary from PostgreSQL.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    },
  });
}
