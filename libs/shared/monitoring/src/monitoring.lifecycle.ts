import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { getLogger } from '@platform/logging';
import { HealthService } from './health/health.service.js';
import { ShutdownState } from './health/shutdown-state.js';
import { startManagementServer, type ManagementServer } from './management/management-server.js';
import { installHttpMetrics } from './metrics/http-metrics.js';
import { MONITORING_OPTIONS, type ResolvedMonitoringOptions } from './monitoring-options.js';

const logger = getLogger('Monitoring');

/** Ties monitoring to the application's life: metrics hooks, management server, shutdown state. */
@Injectable()
export class MonitoringLifecycle
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private server: ManagementServer | undefined;

  constructor(
    // Explicit tokens: DI must not depend on emitted type metadata, which type-only imports erase.
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(ShutdownState) private readonly shutdown: ShutdownState,
    @Inject(MONITORING_OPTIONS) private readonly options: ResolvedMonitoringOptions,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  /** Routes are registered by now but Fastify has not started, so hooks can still be added. */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!this.options.httpMetrics || !adapter) return;
    if (adapter.getType() !== 'fastify') {
      logger.warn('HTTP metrics need the Fastify adapter; this application uses another one', {
        adapter: adapter.getType(),
      });
      return;
    }
    installHttpMetrics(adapter.getInstance<FastifyInstance>());
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = await startManagementServer({
      host: this.options.managementHost,
      port: this.options.managementPort,
      health: this.health,
      routes: this.options.managementRoutes.map((route) => ({
        path: route.path,
        handle: () => route.handle({ moduleRef: this.moduleRef }),
      })),
    });
    logger.info('management server listening', { url: this.server.url });
  }

  /** The first hook of `app.close()`: readiness turns 503 before anything is torn down. */
  onModuleDestroy(): void {
    this.shutdown.mark();
  }

  /** The last hook: the public server is closed by now, so probes saw 503 for the whole shutdown. */
  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const checks = [...this.options.readiness, ...this.options.informational];
    await Promise.allSettled([server?.close(), ...checks.map((check) => check.close?.())]);
  }

  /** Where the management server listens, once started. */
  get managementUrl(): string | undefined {
    return this.server?.url;
  }
}
