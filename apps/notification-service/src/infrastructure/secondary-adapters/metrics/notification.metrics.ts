import { defineMetrics } from '@platform/monitoring';
import type { NotificationMetrics } from '../../../application/ports/notification-telemetry.port.js';
import type { Channel, NotificationStatus } from '../../../domain/notification.js';

function notificationMetricDefinitions() {
  return defineMetrics({
    notifications_total: {
      kind: 'counter',
      help: 'Notifications reaching a status (queued, suppressed, retrying, sent, failed), by channel and template.',
      labelNames: ['channel', 'template', 'status'],
    },
    notification_event_to_sent_seconds: {
      kind: 'histogram',
      help: 'From the event that caused a notification to its delivery (the delivery SLI).',
      labelNames: ['channel', 'template'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400],
    },
  });
}

/** NotificationMetrics on the service's Prometheus registry. */
export class PrometheusNotificationMetrics implements NotificationMetrics {
  private readonly metrics = notificationMetricDefinitions();

  counted(channel: Channel, template: string, status: NotificationStatus): void {
    this.metrics.inc('notifications_total', { channel, template, status });
  }

  sentAfter(channel: Channel, template: string, seconds: number): void {
    this.metrics.observe('notification_event_to_sent_seconds', { channel, template }, Math.max(0, seconds));
  }
}
