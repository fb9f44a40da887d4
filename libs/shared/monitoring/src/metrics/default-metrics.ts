import { collectDefaultMetrics, register } from 'prom-client';

/**
 * Starts prom-client's process metrics (CPU, memory, event loop lag, GC, handles) on the default
 * registry, once per process however often it is called.
 */
export function enableDefaultMetrics(): void {
  // The registry, not a module flag, is the source of truth: two copies of this module (a test
  // worker importing both source and alias) must not register the same names twice.
  if (register.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics({ register });
}
