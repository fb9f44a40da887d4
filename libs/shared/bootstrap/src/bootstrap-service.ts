import 'reflect-metadata';
import type { Writable } from 'node:stream';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  closeLogging,
  configureLogging,
  getLogger,
  installHttpLogging,
  loggingOptionsFromEnv,
  NestLogger,
} from '@platform/logging';
import { getManagementUrl, markShuttingDown, type ManagementRoute, type ReadinessCheck } from '@platform/monitoring';
import { flushErrorReports, installHttpServerTracing, reportError, shutdownTelemetry } from '@platform/observability';
import { applyValidation } from '@platform/validation';
import { ConfigError, loadConfig, ServiceConfig } from './config.js';
import { installFormBodyParser } from './http/form-body-parser.js';
import { DEFAULT_MAX_JSON_DEPTH, installJsonBodyParser } from './http/json-body-parser.js';
import { installMethodNotAllowed } from './http/method-not-allowed.js';
import { ServiceRootModule } from './service-module.js';

/** Everything a service says about itself; the rest comes from the environment. */
export interface ServiceOptions<C extends ServiceConfig> {
  /** `service.name` in logs, traces and metrics, e.g. `business-service`. */
  name: string;
  version?: string;
  /** The service's own Nest module. */
  module: Type<unknown>;
  /** Its configuration class (extends ServiceConfig); validated before anything starts. */
  config?: new () => C;
  /** Dependencies readiness checks, given the validated configuration. */
  readiness?: (config: C) => readonly ReadinessCheck[];
  /** Checks shown in `GET /health` details only, never failing readiness (e.g. `jobsHealthCheck()`). */
  informational?: (config: C) => readonly ReadinessCheck[];
  /** Extra read-only JSON routes on the management port (e.g. `jobsStatusRoute()` for `GET /jobs/status`). */
  managementRoutes?: (config: C) => readonly ManagementRoute[];
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Deepest nesting of objects and arrays a JSON body may have (default 32); deeper is a 400. */
  maxJsonDepth?: number;
  /** Where settings come from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Log lines go here instead of stdout (tests). */
  logStream?: Writable;
  /** Stop gracefully on SIGTERM/SIGINT and exit the process afterwards (default true). */
  handleSignals?: boolean;
  /**
   * Adds to the HTTP server before it listens: Fastify plugins (`app.register(helmet)`), CORS,
   * extra hooks. Runs after the platform's own hooks, so those see every request first.
   */
  configure?: (app: NestFastifyApplication, config: C) => unknown;
  /**
   * Connects transports besides HTTP before the service listens, e.g.
   * `(app) => connectEventConsumer(app, { ... })`; they start with the app and stop in its shutdown.
   */
  connect?: (app: NestFastifyApplication, config: C) => unknown;
}

/** A started service. */
export interface RunningService<C extends ServiceConfig> {
  app: NestFastifyApplication;
  config: C;
  /** Public API, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** /metrics and /health, on the management port. */
  managementUrl: string;
  /** Graceful shutdown: readiness 503, stop accepting, finish in-flight work, flush telemetry and logs. */
  shutdown(reason?: string): Promise<void>;
}

const MAX_PATH_PARAMETER_LENGTH = 2048;
const MAX_HEADER_BYTES = 64 * 1024;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Starts a Nest service on Fastify with the platform's defaults: validated configuration, JSON
 * logs with request context and access log, Problem Details errors, RED metrics and health on the
 * management port, error tracking, and graceful shutdown. Throws `ConfigError` on bad settings.
 */
export async function bootstrapService<C extends ServiceConfig = ServiceConfig>(
  options: ServiceOptions<C>,
): Promise<RunningService<C>> {
  const env = options.env ?? process.env;
  const config = loadConfig((options.config ?? ServiceConfig) as new () => C, env);
  const version = options.version ?? config.SERVICE_VERSION ?? '0.0.0';
  let logging;
  try {
    logging = loggingOptionsFromEnv(env, { service: options.name, version });
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${(error as Error).message.split('\n').join('; ')}`);
  }
  configureLogging({ ...logging, stream: options.logStream });
  const log = getLogger('Bootstrap');

  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    // Fastify answers a path parameter over 100 characters with its own bare 414; up to this
    // length the route's validation answers instead, with Problem Details (400 or 404).
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    // Node's 16 KiB limit answers a long query (a token of non-ASCII characters, percent-encoded)
    // with a bare 431 before any route; with room for it, the route's validation answers (400).
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    trustProxy: config.TRUST_PROXY ? config.TRUST_PROXY.split(',').map((entry) => entry.trim()) : false,
  });
  // Tracing first: the request scope that the logging hooks open (and re-enter in later hooks)
  // is created inside the server span's context, so the span is active all through the request.
  installHttpServerTracing(adapter.getInstance());
  installHttpLogging(adapter.getInstance(), { slowRequestMs: logging.slowRequestMs });
  installMethodNotAllowed(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(
    ServiceRootModule.with({
      module: options.module,
      config,
      managementPort: config.MANAGEMENT_PORT,
      readiness: options.readiness?.(config) ?? [],
      informational: options.informational?.(config) ?? [],
      managementRoutes: options.managementRoutes?.(config) ?? [],
    }),
    adapter,
    { logger: new NestLogger() },
  );
  installJsonBodyParser(app, options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH);
  installFormBodyParser(app);
  applyValidation(app, { errorReporter: (error) => void reportError(error) });
  await options.configure?.(app, config);
  await options.connect?.(app, config);
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);

  const running: RunningService<C> = {
    app,
    config,
    url: await app.getUrl(),
    managementUrl: getManagementUrl(app),
    shutdown: onceOnly((reason) => gracefulShutdown(app, config, reason)),
  };
  log.info(`${options.name} ${version} listening`, { url: running.url, managementUrl: running.managementUrl });
  if (options.handleSignals ?? true) exitOnSignals(running);
  return running;
}

/** `bootstrapService` for a `main.ts`: a bad setting ends the process with one line on stderr. */
export async function runService<C extends ServiceConfig>(options: ServiceOptions<C>): Promise<RunningService<C>> {
  try {
    return await bootstrapService(options);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${options.name}: ${error.message}\n`);
    } else {
      getLogger('Bootstrap').error(`${options.name} failed to start`, { error });
      await closeLogging();
    }
    process.exit(1);
  }
}

async function gracefulShutdown(
  app: NestFastifyApplication,
  config: ServiceConfig,
  reason = 'shutdown',
): Promise<void> {
  const log = getLogger('Shutdown');
  log.info('shutting down: readiness is now 503, finishing in-flight requests', { reason });
  markShuttingDown(app);
  // Fastify stops accepting and waits for in-flight requests; modules close their pools.
  await withinTime(app.close(), config.SHUTDOWN_TIMEOUT_MS, () =>
    log.warn('in-flight work did not finish in time', { timeoutMs: config.SHUTDOWN_TIMEOUT_MS }),
  );
  await flushErrorReports();
  await shutdownTelemetry();
  log.info('stopped');
  await closeLogging();
}

function exitOnSignals(service: RunningService<ServiceConfig>): void {
  const log = getLogger('Shutdown');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // A second signal while stopping means "now".
      process.once(signal, () => process.exit(1));
      service.shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('graceful shutdown failed', { error });
          process.exit(1);
        },
      );
    });
  }
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled promise rejection', { error: reason });
    reportError(reason);
  });
}

async function withinTime(work: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
    timer.unref();
  });
  await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function onceOnly(fn: (reason?: string) => Promise<void>): (reason?: string) => Promise<void> {
  let running: Promise<void> | undefined;
  return (reason) => (running ??= fn(reason));
}
