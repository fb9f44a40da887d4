import { getLogger } from '@platform/logging';
import { defineMetrics } from '@platform/monitoring';
import type { ErasureMetrics } from '../../../application/ports/erasure-metrics.port.js';
import { ERASURE_VIAS, type ErasureVia } from '../../../domain/erasure.js';

function erasureCounter() {
  return defineMetrics({
    auth_erasures_total: {
      kind: 'counter',
      help: 'Users erased at the auth-service, by how it was asked for (self: DELETE /v1/me, admin).',
      labelNames: ['via'],
    },
  });
}

/** ErasureMetrics as `auth_erasures_total{via}` on the service's /metrics. */
export class PrometheusErasureMetrics implements ErasureMetrics {
  private readonly metrics = erasureCounter();
  private readonly log = getLogger('ErasureMetrics');

  constructor() {
    // Both series from the start, at 0: an increase() over a series that appears with its first erasure misses it.
    for (const via of ERASURE_VIAS) this.metrics.inc('auth_erasures_total', { via }, 0);
  }

  erased(via: ErasureVia): void {
    try {
      this.metrics.inc('auth_erasures_total', { via });
    } catch (error) {
      this.log.warn('erasure could not be counted', { via, error });
    }
  }
}
