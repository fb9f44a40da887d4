import {
  type ArgumentsHost,
  Body,
  type CanActivate,
  Catch,
  Controller,
  type ExecutionContext,
  Get,
  HttpException,
  Injectable,
  Module,
  type NestInterceptor,
  type NestMiddleware,
  Post,
  Query,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, BaseExceptionFilter, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getLogger } from '../logger.js';
import { NestLogger } from '../nest-logger.js';
import { installHttpLogging } from './install-http-logging.js';
import { RequestContext } from '../request-context.js';
import { captureLogs, type LogCapture } from '../testing/log-capture.js';
import { startTestApp, type TestApp } from '../testing/http-app.js';

const log = getLogger('ContextTest');

class TeapotError extends HttpException {
  constructor() {
    super('teapot', 418);
  }
}

/**
 * A global filter, as services have (Problem Details): proves filters run inside the request's
 * context, for errors of handlers and for errors Fastify raises while reading a body.
 */
@Catch()
class GlobalFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof TeapotError) {
      log.warn('filter caught teapot');
      void reply.status(418).send({ teapot: true });
    } else if (
      error instanceof HttpException &&
      (error.cause as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY'
    ) {
      log.warn('filter caught body error');
      void reply.status(400).send({ error: 'malformed body' });
    } else {
      super.catch(error, host);
    }
  }
}

@Injectable()
class Middleware implements NestMiddleware {
  use(_req: unknown, _res: unknown, next: () => void): void {
    log.info('middleware ran');
    next();
  }
}

/** Stands in for authentication: sets the user id once, for the rest of the request. */
@Injectable()
class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['x-user'];
    if (user) RequestContext.set('userId', user);
    log.info('guard ran');
    return true;
  }
}

@Injectable()
class Interceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler) {
    log.info('interceptor ran');
    return next.handle();
  }
}

@Injectable()
class DeepService {
  async work(label: string): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    log.info('deep in a service', { label });
    // Work the request starts and does not wait for: the context must follow it.
    void Promise.resolve().then(() => log.info('detached promise', { label }));
    setTimeout(() => log.info('timer fired', { label }), 1);
    return label;
  }
}

@Controller('ctx')
@UseGuards(AuthGuard)
@UseInterceptors(Interceptor)
class ContextController {
  constructor(private readonly service: DeepService) {}

  @Get('work')
  work(@Query('label') label: string): Promise<string> {
    return this.service.work(label);
  }

  @Post('work')
  workWithBody(@Body() body: { label: string }): Promise<string> {
    return this.service.work(body.label);
  }

  @Get('teapot')
  teapot(): never {
    throw new TeapotError();
  }

  @Get('crash')
  crash(): never {
    throw new Error('unexpected failure');
  }
}

@Controller('body')
class BodyController {
  @Post()
  accept(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({
  controllers: [ContextController, BodyController],
  providers: [DeepService, { provide: APP_FILTER, useClass: GlobalFilter }],
})
class ContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(Middleware).forRoutes('*path');
  }
}

describe('request context over HTTP', () => {
  let capture: LogCapture;
  let server: TestApp;

  beforeAll(async () => {
    captureLogs();
    server = await startTestApp(ContextModule, {
      // A hook that runs before the library's, like Nest's CORS, 503 and security hooks: it
      // fails some requests before the library's onRequest hook has opened their context.
      beforeLogging: (fastify) =>
        fastify.addHook('onRequest', (request, _reply, done) => {
          done(request.url === '/rejected-early' ? new TeapotError() : undefined);
        }),
      configure: (app) => app.enableCors({ origin: 'https://app.example.com' }),
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    capture = captureLogs();
  });

  const linesOf = (correlationId: string) => capture.filter((record) => record.correlationId === correlationId);

  /**
   * POSTs a JSON body that reaches the server in a later packet than the headers, as large or
   * slow uploads do: the body is sent only once the server has run its request hooks (the
   * middleware line is written), so Fastify reads it from a socket event, outside the context.
   */
  async function postBodyLater(
    path: string,
    correlationId: string,
    body: string,
    headers: Record<string, string> = {},
  ) {
    const request = httpRequest(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'x-correlation-id': correlationId,
        ...headers,
      },
    });
    const response = new Promise<{ status: number; correlationHeader: string | undefined }>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, correlationHeader: res.headers['x-correlation-id'] as string }),
        );
      });
      request.on('error', reject);
    });
    request.flushHeaders();
    await capture.waitFor((r) => r.message === 'middleware ran' && r.correlationId === correlationId);
    request.end(body);
    return response;
  }

  it('carries the correlation and user ids set once to every line of the request, timers and promises included', async () => {
    const correlationId = `get-${randomUUID()}`;
    const response = await fetch(`${server.url}/ctx/work?label=get`, {
      headers: { 'x-correlation-id': correlationId, 'x-user': 'user-42' },
    });
    expect(response.status).toBe(200);
    await capture.waitFor((r) => r.message === 'timer fired' && r.correlationId === correlationId);
    await capture.waitFor((r) => r.message === 'request completed' && r.correlationId === correlationId);

    const messages = linesOf(correlationId).map((r) => r.message);
    for (const expected of [
      'middleware ran',
      'guard ran',
      'interceptor ran',
      'deep in a service',
      'detached promise',
      'timer fired',
      'request completed',
    ]) {
      expect(messages).toContain(expected);
    }
    const requestId = response.headers.get('x-request-id');
    for (const record of linesOf(correlationId)) {
      expect(record.requestId).toBe(requestId);
      // Set by the guard: every line from the guard on has it, including the access log.
      if (record.message !== 'middleware ran') expect(record['userId']).toBe('user-42');
    }
  });

  it('keeps the context after Fastify has read a JSON body from the socket', async () => {
    const correlationId = `post-${randomUUID()}`;
    const response = await postBodyLater('/ctx/work', correlationId, JSON.stringify({ label: 'post' }), {
      'x-user': 'user-7',
    });
    expect(response.status).toBe(201);
    const deep = await capture.waitFor((r) => r.message === 'deep in a service' && r['label'] === 'post');
    expect(deep.correlationId).toBe(correlationId);
    expect(deep['userId']).toBe('user-7');
    const timer = await capture.waitFor((r) => r.message === 'timer fired' && r['label'] === 'post');
    expect(timer.correlationId).toBe(correlationId);
    const access = await capture.waitFor((r) => r.message === 'request completed' && r.correlationId === correlationId);
    expect(access['userId']).toBe('user-7');
  });

  it('runs exception filters inside the context', async () => {
    const correlationId = `filter-${randomUUID()}`;
    const response = await fetch(`${server.url}/ctx/teapot`, {
      headers: { 'x-correlation-id': correlationId, 'x-user': 'user-9' },
    });
    expect(response.status).toBe(418);
    const filtered = await capture.waitFor((r) => r.message === 'filter caught teapot');
    expect(filtered.correlationId).toBe(correlationId);
    expect(filtered['userId']).toBe('user-9');
  });

  it("writes Nest's own exception log of an unexpected error inside the context", async () => {
    const correlationId = `crash-${randomUUID()}`;
    const response = await fetch(`${server.url}/ctx/crash`, { headers: { 'x-correlation-id': correlationId } });
    expect(response.status).toBe(500);
    const logged = await capture.waitFor((r) => r.context === 'ExceptionsHandler');
    expect(logged.level).toBe('error');
    expect(logged.message).toBe('unexpected failure');
    expect(logged.correlationId).toBe(correlationId);
    expect((logged['error'] as { stack: string }).stack).toContain('unexpected failure');
  });

  it('runs the filter of a malformed body, raised while Fastify reads it, inside the context', async () => {
    const correlationId = `badjson-${randomUUID()}`;
    const response = await postBodyLater('/body', correlationId, '{"not": json');
    expect(response.status).toBe(400);
    expect(response.correlationHeader).toBe(correlationId);
    const filtered = await capture.waitFor((r) => r.message === 'filter caught body error');
    expect(filtered.correlationId).toBe(correlationId);
  });

  it('opens the context for a request that a hook before the library rejected, for its filter and access log', async () => {
    const correlationId = `early-${randomUUID()}`;
    const response = await fetch(`${server.url}/rejected-early`, { headers: { 'x-correlation-id': correlationId } });
    expect(response.status).toBe(418);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const filtered = await capture.waitFor((r) => r.message === 'filter caught teapot');
    expect(filtered.correlationId).toBe(correlationId);
    const access = await capture.waitFor((r) => r.message === 'request completed');
    expect(access.correlationId).toBe(correlationId);
    expect(access['statusCode']).toBe(418);
  });

  it('echoes the ids and writes the access log of a CORS preflight that Nest answers before the library', async () => {
    const correlationId = `preflight-${randomUUID()}`;
    const response = await fetch(`${server.url}/ctx/work`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'x-correlation-id': correlationId,
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const access = await capture.waitFor((r) => r.message === 'request completed');
    expect(access.correlationId).toBe(correlationId);
    expect(access['method']).toBe('OPTIONS');
  });

  it('warns when switched on after NestFactory.create, where Nest middleware would run outside the context', async () => {
    const warned = captureLogs();
    const late = await NestFactory.create<NestFastifyApplication>(ContextModule, new FastifyAdapter(), {
      logger: new NestLogger(),
      abortOnError: false,
    });
    try {
      installHttpLogging(late.getHttpAdapter().getInstance());
      const warning = await warned.waitFor((r) => r.context === 'HttpLogging');
      expect(warning.level).toBe('warn');
      expect(warning.message).toContain('before NestFactory.create');
    } finally {
      await late.close();
    }
  });

  it('keeps concurrent requests apart', async () => {
    const labels = Array.from({ length: 20 }, (_, i) => `concurrent-${i}-${randomUUID()}`);
    await Promise.all(
      labels.map((label) =>
        fetch(`${server.url}/ctx/work?label=${label}`, { headers: { 'x-correlation-id': label } }).then((r) =>
          r.text(),
        ),
      ),
    );
    for (const label of labels) {
      const timer = await capture.waitFor((r) => r.message === 'timer fired' && r['label'] === label);
      expect(timer.correlationId).toBe(label);
      const deep = capture.filter((r) => r.message === 'deep in a service' && r['label'] === label);
      expect(deep.map((r) => r.correlationId)).toEqual([label]);
    }
  });
});
