import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthService } from './health/health.service.js';
import { ShutdownState } from './health/shutdown-state.js';
import { enableDefaultMetrics } from './metrics/default-metrics.js';
import { instrumentPostgres } from './metrics/postgres-instrumentation.js';
import { MonitoringLifecycle } from './monitoring.lifecycle.js';
import { MONITORING_OPTIONS, resolveMonitoringOptions, type MonitoringOptions } from './monitoring-options.js';

/**
 * Metrics and health of a service: RED metrics on its Fastify routes, process and query metrics,
 * and a management server (`/metrics`, `/health/live`, `/health/ready`, `/health`) on its own port.
 */
@Module({})
export class MonitoringModule {
  /** Configures monitoring; options are validated here, so a bad MANAGEMENT_PORT stops the start. */
  static forRoot(options: MonitoringOptions = {}): DynamicModule {
    const resolved = resolveMonitoringOptions(options);
    // Now rather than at bootstrap: TypeORM opens its pool during module init, and the process
    // metrics should cover the whole start-up.
    if (resolved.defaultMetrics) enableDefaultMetrics();
    if (resolved.postgresMetrics) instrumentPostgres();
    return {
      module: MonitoringModule,
      // Terminus' own error log would repeat every failed probe; HealthService logs changes instead.
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [
        { provide: MONITORING_OPTIONS, useValue: resolved },
        ShutdownState,
        HealthService,
        MonitoringLifecycle,
      ],
    };
  }
}

/**
 * Turns readiness to 503 now, before `app.close()`: a shutdown handler calls it, waits for the
 * load balancer to notice, then closes the application. `app.close()` does it too, as its first step.
 */
export function markShuttingDown(app: INestApplicationContext): void {
  app.get(ShutdownState, { strict: false }).mark();
}

/** Where the management server of an initialised application listens (`http://host:port`). */
export function getManagementUrl(app: INestApplicationContext): string {
  const url = app.get(MonitoringLifecycle, { strict: false }).managementUrl;
  if (!url) throw new Error('the management server is not running: initialise the application first');
  return url;
}
