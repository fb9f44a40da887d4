import type { ServiceOptions } from '@platform/bootstrap';
import { jobsHealthCheck, jobsStatusRoute } from '@platform/jobs';
import { eventServiceOptions } from '@platform/messaging';
import { AppModule } from './app.module.js';
import { AuthConfig } from './auth.config.js';

/**
 * How the auth-service runs: its module and settings on the platform's event-service wiring (the
 * consumer of the services' erasure confirmations, readiness that waits for it), and its jobs'
 * status. `main.ts` runs it; tests start it in-process.
 */
export function authServiceOptions(): ServiceOptions<AuthConfig> {
  return eventServiceOptions({
    name: 'auth-service',
    module: AppModule,
    config: AuthConfig,
    // Stale jobs show in /health details, never in readiness; GET /jobs/status on the management port.
    informational: () => [jobsHealthCheck()],
    managementRoutes: () => [jobsStatusRoute()],
  });
}
