import { defineMetrics } from '@platform/monitoring';
import type { PaymentMetrics } from '../../../application/ports/payment-telemetry.port.js';

/** The payment metrics (label `provider`: `sandbox` or `manual`, never an id). */
function paymentMetricDefinitions() {
  return defineMetrics({
    payments_started_total: {
      kind: 'counter',
      help: 'Payments started through a provider (one per new payment, not per retried request).',
      labelNames: ['provider'],
    },
    payments_succeeded_total: {
      kind: 'counter',
      help: 'Payments that succeeded (provider payments when confirmed, manual payments when recorded).',
      labelNames: ['provider'],
    },
    payments_failed_total: {
      kind: 'counter',
      help: 'Provider payments that became failed.',
      labelNames: ['provider'],
    },
    payment_confirmation_delay_seconds: {
      kind: 'histogram',
      help: 'From the start of a provider payment to its confirmation (webhook or reconciliation).',
      labelNames: ['provider'],
      buckets: [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 21600, 86400],
    },
  });
}

/** PaymentMetrics on the service's Prometheus registry. */
export class PrometheusPaymentMetrics implements PaymentMetrics {
  private readonly metrics = paymentMetricDefinitions();

  started(provider: string): void {
    this.metrics.inc('payments_started_total', { provider });
  }

  succeeded(provider: string, secondsSinceStart?: number): void {
    this.metrics.inc('payments_succeeded_total', { provider });
    if (secondsSinceStart !== undefined) {
      this.metrics.observe('payment_confirmation_delay_seconds', { provider }, secondsSinceStart);
    }
  }

  failed(provider: string): void {
    this.metrics.inc('payments_failed_total', { provider });
  }
}
