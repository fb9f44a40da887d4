import type { ServiceOptions } from '@platform/bootstrap';
import { jobsHealthCheck, jobsStatusRoute } from '@platform/jobs';
import { eventServiceOptions } from '@platform/messaging';
import { AppModule } from './app.module.js';
import { BusinessConfig } from './business.config.js';

/**
 * How the business-service runs: its module and settings on the platform's event-service wiring
 * (consumer with inbox, per-key retries and DLQ; readiness that waits for it), and its jobs' status.
 * `main.ts` runs it; tests start it in-process.
 */
export function businessServiceOptions(): ServiceOptions<BusinessConfig> {
  return eventServiceOptions({
    name: 'business-service',
    module: AppModule,
    config: BusinessConfig,
    // Stale jobs show in /health details, never in readiness; GET /jobs/status on the management port.
    informational: () => [jobsHealthCheck()],
    managementRoutes: () => [jobsStatusRoute()],
  });
}
