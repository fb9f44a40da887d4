import { Inject, Injectable, ServiceUnavailableException, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { getLogger } from '@platform/logging';
import { exportHealthStatus } from '../metrics/health-metrics.js';
import { withoutQueryMetrics } from '../metrics/postgres-instrumentation.js';
import { MONITORING_OPTIONS, type ResolvedMonitoringOptions } from '../monitoring-options.js';
import { report, statusesOnly, type HealthReport } from './health-report.js';
import { DEFAULT_CHECK_TIMEOUT_MS, type ReadinessCheck } from './readiness-check.js';
import { ShutdownState } from './shutdown-state.js';

// Keys Terminus adds to an entry itself; a check returning one would make Terminus throw.
const RESERVED_KEYS = new Set(['status', 'responseTime', 'cachedResponse']);

const logger = getLogger('Health');

/** Runs liveness and readiness for the management server, through Terminus. */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private lastReadiness: HealthCheckResult['status'] | undefined;
  // The readiness checks on /metrics too (health_check_status), for alerts such as DatabaseNotReady.
  private readonly stopExportingStatus = exportHealthStatus(() => this.statusByCheck());

  constructor(
    // Explicit tokens: DI must not depend on emitted type metadata, which type-only imports erase.
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(ShutdownState) private readonly shutdown: ShutdownState,
    @Inject(MONITORING_OPTIONS) private readonly options: ResolvedMonitoringOptions,
  ) {}

  /** The process answers: never looks at a dependency, so a database outage does not restart pods. */
  liveness(): HealthReport {
    return report({
      status: 'ok',
      info: { process: { status: 'up' } },
      error: {},
      details: { process: { status: 'up', uptimeSeconds: Math.round(process.uptime()) } },
    });
  }

  /** Whether to send traffic here: every check up, the public server listening, no shutdown begun. */
  async readiness(): Promise<HealthReport> {
    if (this.shutdown.isShuttingDown) {
      // Answered without touching dependencies, which are being closed at this point.
      this.noteTransition('shutting_down', {});
      return report({ status: 'shutting_down', info: {}, error: {}, details: {} });
    }
    const body = await this.run();
    this.noteTransition(body.status, body.error ?? {});
    return report(statusesOnly(body));
  }

  /**
   * Every check with its latency (`responseTime`, ms) and details, for people and dashboards; the
   * informational checks follow in `details` only, so they never change the status.
   */
  async detailed(): Promise<HealthReport> {
    const [body, informational] = await Promise.all([this.run(), this.runInformational()]);
    if (this.shutdown.isShuttingDown) body.status = 'shutting_down';
    body.details = { ...body.details, ...informational };
    return report(body);
  }

  onModuleDestroy(): void {
    this.stopExportingStatus();
  }

  private async statusByCheck(): Promise<Record<string, boolean>> {
    if (this.shutdown.isShuttingDown) return {};
    const details = (await this.run()).details as Record<string, { status: string }>;
    return Object.fromEntries(Object.entries(details).map(([check, entry]) => [check, entry.status === 'up']));
  }

  private async run(): Promise<HealthCheckResult> {
    const indicators: HealthIndicatorFunction[] = this.options.readiness.map((check) => this.indicator(check));
    if (this.adapterHost.httpAdapter) indicators.unshift(() => this.serverIndicator());
    return this.execute(indicators);
  }

  private async runInformational(): Promise<HealthCheckResult['details']> {
    if (this.options.informational.length === 0) return {};
    return (await this.execute(this.options.informational.map((check) => this.indicator(check)))).details;
  }

  private async execute(indicators: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(indicators);
    } catch (error) {
      // Terminus reports a failed check by throwing its result inside a 503 exception.
      if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
      throw error;
    }
  }

  private indicator(check: ReadinessCheck): HealthIndicatorFunction {
    return this.indicators
      .check(check.name)
      .attempt(async ({ signal }) => {
        const details = await withoutQueryMetrics(() => check.check({ signal, moduleRef: this.moduleRef }));
        return details ? Object.fromEntries(Object.entries(details).filter(([key]) => !RESERVED_KEYS.has(key))) : {};
      })
      .withTimeout(check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
  }

  /** The public HTTP server accepts connections: not yet during start-up, not any more once closed. */
  private serverIndicator() {
    const session = this.indicators.check('server');
    return this.adapterHost.listening
      ? session.up({ listening: true })
      : session.down({ listening: false, message: 'the public HTTP server is not listening' });
  }

  private noteTransition(status: HealthCheckResult['status'], failing: Record<string, unknown>): void {
    if (status === this.lastReadiness) return;
    const previous = this.lastReadiness;
    this.lastReadiness = status;
    if (status === 'ok' || status === 'degraded') {
      logger.info('readiness: ready', { status, previous });
    } else {
      logger.warn('readiness: not ready', { status, previous, failing: Object.keys(failing) });
    }
  }
}
