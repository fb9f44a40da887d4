import { MONITORING_ERROR_CODES, MonitoringError } from '../../errors.js';
import type { ReadinessCheck } from '../readiness-check.js';

/** Options of {@link memoryCheck}; at least one limit. */
export interface MemoryCheckOptions {
  /** Key in health bodies; default `memory`. */
  name?: string;
  /** Highest V8 heap in use, in bytes, still counted as up. */
  maxHeapUsedBytes?: number;
  /** Highest resident set size, in bytes, still counted as up. */
  maxRssBytes?: number;
}

/** Readiness against memory limits: down while the heap or the resident set is above its threshold. */
export function memoryCheck(options: MemoryCheckOptions): ReadinessCheck {
  const { maxHeapUsedBytes, maxRssBytes } = options;
  const valid = (limit: number | undefined) => limit === undefined || (Number.isFinite(limit) && limit > 0);
  if (
    (maxHeapUsedBytes === undefined && maxRssBytes === undefined) ||
    !valid(maxHeapUsedBytes) ||
    !valid(maxRssBytes)
  ) {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.invalidConfiguration,
      'memoryCheck: give maxHeapUsedBytes and/or maxRssBytes, as positive numbers of bytes',
    );
  }
  return {
    name: options.name ?? 'memory',
    async check() {
      const { heapUsed, rss } = process.memoryUsage();
      if (maxHeapUsedBytes !== undefined && heapUsed > maxHeapUsedBytes) {
        throw new Error(`heap used ${heapUsed} bytes, above ${maxHeapUsedBytes}`);
      }
      if (maxRssBytes !== undefined && rss > maxRssBytes) {
        throw new Error(`resident set ${rss} bytes, above ${maxRssBytes}`);
      }
      return { heapUsedBytes: heapUsed, rssBytes: rss };
    },
  };
}
