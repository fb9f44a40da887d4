import { defineMetrics } from '@platform/monitoring';
import type { WebhookMetrics } from '../../../application/ports/webhook-telemetry.port.js';
import type { AttemptOutcome } from '../../../domain/webhook-attempt.js';
import type { WebhookEndpointStateGauge } from './webhook-endpoint-state.gauge.js';

function webhookMetricDefinitions() {
  return defineMetrics({
    webhook_attempts_total: {
      kind: 'counter',
      help: 'Webhook HTTP attempts by outcome (delivered, http_error, redirect, gone, timeout, network_error, blocked).',
      labelNames: ['outcome'],
    },
    webhook_attempt_duration_seconds: {
      kind: 'histogram',
      help: 'Time from the start of a webhook attempt (including the DNS check) to its outcome.',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    },
  });
}

/**
 * WebhookMetrics on the service's Prometheus registry. Deliveries by status are
 * notifications_total{channel="webhook"}; endpoints by state are the gauge
 * notification_webhook_endpoints{state,reason}, read again at once when the dispatcher disables one.
 */
export class PrometheusWebhookMetrics implements WebhookMetrics {
  private readonly metrics = webhookMetricDefinitions();

  constructor(private readonly endpointStates: WebhookEndpointStateGauge) {}

  attempted(outcome: AttemptOutcome, seconds: number): void {
    this.metrics.inc('webhook_attempts_total', { outcome });
    this.metrics.observe('webhook_attempt_duration_seconds', { outcome }, Math.max(0, seconds));
  }

  disabled(): void {
    void this.endpointStates.refresh();
  }
}
