import { defineMetrics } from '@platform/monitoring';
import type { WebhookMetrics } from '../../../application/ports/webhook-telemetry.port.js';
import type { AttemptOutcome } from '../../../domain/webhook-attempt.js';
import type { DisabledReason } from '../../../domain/webhook-endpoint.js';

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
    webhook_endpoints_disabled_total: {
      kind: 'counter',
      help: 'Webhook endpoints disabled by the dispatcher, by reason (gone: 410; failing: failing too long).',
      labelNames: ['reason'],
    },
  });
}

/** WebhookMetrics on the service's Prometheus registry; deliveries by status are notifications_total{channel="webhook"}. */
export class PrometheusWebhookMetrics implements WebhookMetrics {
  private readonly metrics = webhookMetricDefinitions();

  attempted(outcome: AttemptOutcome, seconds: number): void {
    this.metrics.inc('webhook_attempts_total', { outcome });
    this.metrics.observe('webhook_attempt_duration_seconds', { outcome }, Math.max(0, seconds));
  }

  disabled(reason: DisabledReason): void {
    this.metrics.inc('webhook_endpoints_disabled_total', { reason });
  }
}
