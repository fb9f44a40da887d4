import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { installHttpLogging, type HttpLoggingOptions } from '../http/install-http-logging.js';
import { NestLogger } from '../nest-logger.js';

/** A real Nest application on Fastify with the library switched on, listening on a free loopback port. */
export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** What a test may change about the application it starts. */
export interface TestAppOptions extends HttpLoggingOptions {
  /** Runs on the Fastify instance before the library installs its hooks. */
  beforeLogging?: (fastify: FastifyInstance) => void;
  /** Runs on the application before it listens (CORS, global pipes...). */
  configure?: (app: NestFastifyApplication) => void;
}

/** Starts `module` the way a service does: HTTP logging on the adapter first, then Nest with the NestLogger. */
export async function startTestApp(module: Type, options: TestAppOptions = {}): Promise<TestApp> {
  const { beforeLogging, configure, ...httpLogging } = options;
  const adapter = new FastifyAdapter();
  beforeLogging?.(adapter.getInstance());
  installHttpLogging(adapter.getInstance(), httpLogging);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestLogger(),
    abortOnError: false,
  });
  configure?.(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url, close: () => app.close() };
}
