import type { ServiceOptions } from '@platform/bootstrap';
import { jobsHealthCheck, jobsStatusRoute } from '@platform/jobs';
import { eventServiceOptions } from '@platform/messaging';
import { AppModule } from './app.module.js';
import { NotificationConfig } from './notification.config.js';

/**
 * How the notification-service runs: its module and settings on the platform's event-service wiring
 * (consumer with inbox, per-key retries and DLQ; readiness that waits for it and an outbox without
 * backlog), and its jobs' status. `main.ts` runs it; tests start it in-process.
 */
export function notificationServiceOptions(): ServiceOptions<NotificationConfig> {
  return eventServiceOptions({
    name: 'notification-service',
    module: AppModule,
    config: NotificationConfig,
    // Stale jobs show in /health details, never in readiness; GET /jobs/status on the management port.
    informational: () => [jobsHealthCheck()],
    managementRoutes: () => [jobsStatusRoute()],
  });
}
