import { randomUUID } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@platform/logging';
import { installHttpServerTracing } from '../../src/index.js';

/** A Nest application on Fastify listening on loopback. */
export interface TestApp {
  url: string;
  app: INestApplication;
  close(): Promise<void>;
}

/**
 * Starts `module` as a Nest-on-Fastify app on 127.0.0.1:0, every request inside a RequestContext
 * with its `x-correlation-id` (or a new one), as the logging library's hooks will do, inside the
 * server span of `installHttpServerTracing`, as a service's bootstrap sets up. Nest and
 * Fastify are imported here, after telemetry has started, so `http` is patched before Fastify uses it.
 */
export async function startTestApp(module: Type, configure?: (app: INestApplication) => void): Promise<TestApp> {
  const { NestFactory } = await import('@nestjs/core');
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const adapter = new FastifyAdapter();
  installHttpServerTracing(adapter.getInstance());
  adapter.getInstance().addHook('onRequest', (request, _reply, done) => {
    const header = request.headers['x-correlation-id'];
    RequestContext.run({ correlationId: typeof header === 'string' ? header : randomUUID() }, done);
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger: false });
  configure?.(app);
  await app.listen(0, '127.0.0.1');
  return { url: await app.getUrl(), app, close: () => app.close() };
}
