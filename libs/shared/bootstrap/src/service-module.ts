import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MonitoringModule, type ManagementRoute, type ReadinessCheck } from '@platform/monitoring';
import { ServiceConfig } from './config.js';

/** What the root module of a service is made of. */
export interface ServiceModuleOptions {
  /** The service's own module (controllers, use cases, adapters). */
  module: Type<unknown>;
  /** The validated configuration, injectable by its class and as `ServiceConfig`. */
  config: ServiceConfig;
  managementPort: number;
  managementHost?: string;
  readiness: readonly ReadinessCheck[];
  informational?: readonly ReadinessCheck[];
  managementRoutes?: readonly ManagementRoute[];
}

/** Makes the validated configuration injectable everywhere, by its own class and as ServiceConfig. */
@Module({})
class ConfigHolderModule {
  static with(config: ServiceConfig): DynamicModule {
    const providers = [
      { provide: config.constructor, useValue: config },
      ...(config.constructor === ServiceConfig ? [] : [{ provide: ServiceConfig, useValue: config }]),
    ];
    return { module: ConfigHolderModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}

/** The root module `bootstrapService` starts: the service's module plus configuration and monitoring. */
@Module({})
export class ServiceRootModule {
  static with(options: ServiceModuleOptions): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [
        ConfigHolderModule.with(options.config),
        MonitoringModule.forRoot({
          managementPort: options.managementPort,
          managementHost: options.managementHost,
          readiness: options.readiness,
          informational: options.informational,
          managementRoutes: options.managementRoutes,
        }),
        options.module,
      ],
    };
  }
}
