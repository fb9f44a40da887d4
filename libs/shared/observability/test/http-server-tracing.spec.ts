import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import {
  Catch,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  Module,
  Param,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SpanKind, SpanStatusCode, trace, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { configureLogging, getLogger, installHttpLogging, RequestContext, type LogRecord } from '@platform/logging';
import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HTTP_SERVER_TRACER_NAME, installHttpServerTracing, shutdownTelemetry } from '../src/index.js';
import { eventually } from './support/eventually.js';
import { startTestTelemetry, type RecordedSpans } from './support/test-telemetry.js';

/** What the code of a request saw as its active span and request id, by where it looked. */
const seen = new Map<string, { span: SpanContext | undefined; requestId: string | undefined }>();
const logger = getLogger('TracedController');

function look(where: string): void {
  seen.set(where, { span: trace.getActiveSpan()?.spanContext(), requestId: RequestContext.get('requestId') });
}

let upstreamUrl = '';

@Controller()
class TracedController {
  @Get('items/:id')
  item(@Param('id') id: string): { id: string } {
    look(`handler ${id}`);
    logger.info('item requested', { id });
    // Started by the handler, finished after the response was sent.
    void new Promise((resolve) => setTimeout(resolve, 20)).then(() => look(`later ${id}`));
    return { id };
  }

  @Get('fail')
  fail(): never {
    look('throwing handler');
    throw new InternalServerErrorException('it broke');
  }

  @Get('calls-upstream')
  async callsUpstream(): Promise<{ status: number | undefined }> {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(upstreamUrl, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode));
        })
        .on('error', reject);
    });
    return { status };
  }

  @Get('health/ready')
  ready(): { ok: boolean } {
    look('probe');
    return { ok: true };
  }
}

@Catch()
class LookingFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    look('exception filter');
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send({ title: 'failed' });
  }
}

@Module({ controllers: [TracedController] })
class TracedModule {}

describe('installHttpServerTracing', () => {
  let spans: RecordedSpans;
  let app: NestFastifyApplication;
  let url: string;
  let upstream: http.Server;
  let upstreamTraceparents: (string | undefined)[] = [];
  const logLines: LogRecord[] = [];

  beforeAll(async () => {
    spans = startTestTelemetry();
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as LogRecord);
    });
    configureLogging({ stream, level: 'info', format: 'json' });

    upstream = http.createServer((request, response) => {
      upstreamTraceparents.push(request.headers['traceparent'] as string | undefined);
      response.end('ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/upstream`;

    // Imported after telemetry has started, as in a service started through register.mjs.
    const { NestFactory } = await import('@nestjs/core');
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    const adapter = new FastifyAdapter();
    // The order of the bootstrap: tracing, then logging, then Nest.
    installHttpServerTracing(adapter.getInstance());
    installHttpServerTracing(adapter.getInstance()); // a second call adds nothing
    installHttpLogging(adapter.getInstance());
    app = await NestFactory.create<NestFastifyApplication>(TracedModule, adapter, { logger: false });
    app.useGlobalFilters(new LookingFilter());
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => upstream?.close(resolve));
    await shutdownTelemetry();
  });

  beforeEach(async () => {
    seen.clear();
    upstreamTraceparents = [];
    await spans.reset();
  });

  const serverSpanFor = (path: string) =>
    spans.waitFor((span: ReadableSpan) => span.kind === SpanKind.SERVER && span.attributes['url.path'] === path);

  it('makes the server span the active span in the handler and in a promise the handler started', async () => {
    const response = await fetch(`${url}/items/a1?color=red`, { headers: { 'user-agent': 'tracing-test/1.0' } });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');

    const server = await serverSpanFor('/items/a1');
    const later = await eventually(() => seen.get('later a1'));
    for (const where of [seen.get('handler a1')!, later]) {
      expect(where.span?.spanId).toBe(server.spanContext().spanId);
      expect(where.span?.traceId).toBe(server.spanContext().traceId);
      // The logging library's request context is there too, in the same places.
      expect(where.requestId).toBe(requestId);
    }
    expect(server.parentSpanContext).toBeUndefined();

    const lines = await eventually(() => {
      const found = logLines.filter((line) => line['requestId'] === requestId);
      return found.length === 2 ? found : undefined;
    });
    expect(lines.map((line) => line.message)).toEqual(['item requested', 'request completed']);
    for (const line of lines) {
      expect(line.traceId).toBe(server.spanContext().traceId);
      expect(line.spanId).toBe(server.spanContext().spanId);
    }
  });

  it('names the trace of every answer in a traceresponse header, so a caller can look the trace up', async () => {
    const ok = await fetch(`${url}/items/t1`);
    const failed = await fetch(`${url}/fail`);

    const okSpan = await serverSpanFor('/items/t1');
    const failedSpan = await serverSpanFor('/fail');
    for (const [response, span] of [
      [ok, okSpan],
      [failed, failedSpan],
    ] as const) {
      const { traceId, spanId } = span.spanContext();
      expect(response.headers.get('traceresponse')).toBe(`00-${traceId}-${spanId}-01`);
    }
  });

  it('names the span after the route template and sets the HTTP semantic-convention attributes', async () => {
    await fetch(`${url}/items/b2?color=red&sig=secret`, { headers: { 'user-agent': 'tracing-test/1.0' } });

    const server = await serverSpanFor('/items/b2');
    const port = Number(new URL(url).port);
    expect(server.name).toBe('GET /items/:id');
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.instrumentationScope.name).toBe(HTTP_SERVER_TRACER_NAME);
    expect(server.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.scheme': 'http',
      'url.path': '/items/b2',
      'url.query': 'color=red&sig=REDACTED',
      'http.route': '/items/:id',
      'server.address': '127.0.0.1',
      'server.port': port,
      'client.address': '127.0.0.1',
      'network.peer.address': '127.0.0.1',
      'network.protocol.version': '1.1',
      'user_agent.original': 'tracing-test/1.0',
      'http.response.status_code': 200,
    });
    expect(server.attributes['error.type']).toBeUndefined();
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('takes the server and client addresses from the proxy headers', async () => {
    await fetch(`${url}/items/c3`, {
      headers: { 'x-forwarded-host': 'api.example.com:8443', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' },
    });

    const server = await serverSpanFor('/items/c3');
    expect(server.attributes).toMatchObject({
      'server.address': 'api.example.com',
      'server.port': 8443,
      'client.address': '203.0.113.7',
      'network.peer.address': '127.0.0.1',
    });
  });

  it('keeps the span active in exception filters and marks a 5xx response as an error', async () => {
    const response = await fetch(`${url}/fail`);
    expect(response.status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);

    const server = await serverSpanFor('/fail');
    expect(seen.get('throwing handler')?.span?.spanId).toBe(server.spanContext().spanId);
    expect(seen.get('exception filter')?.span?.spanId).toBe(server.spanContext().spanId);
    expect(seen.get('exception filter')?.requestId).toBe(response.headers.get('x-request-id'));
    expect(server.name).toBe('GET /fail');
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(server.attributes['http.response.status_code']).toBe(500);
    expect(server.attributes['error.type']).toBe('500');
  });

  it('leaves the status unset for a 4xx response and names unmatched requests by method only', async () => {
    const response = await fetch(`${url}/no/such/route`);
    expect(response.status).toBe(404);

    const server = await serverSpanFor('/no/such/route');
    expect(server.name).toBe('GET');
    expect(server.attributes['http.route']).toBeUndefined();
    expect(server.attributes['http.response.status_code']).toBe(404);
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('continues an incoming traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpanId = '00f067aa0ba902b7';
    await fetch(`${url}/items/d4`, { headers: { traceparent: `00-${traceId}-${parentSpanId}-01` } });

    const server = await serverSpanFor('/items/d4');
    expect(server.spanContext().traceId).toBe(traceId);
    expect(server.spanContext().spanId).not.toBe(parentSpanId);
    expect(server.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(server.parentSpanContext?.isRemote).toBe(true);
    expect(seen.get('handler d4')?.span?.traceId).toBe(traceId);
    expect(seen.get('handler d4')?.span?.spanId).toBe(server.spanContext().spanId);
  });

  it('passes the trace on to outgoing HTTP requests, whose client spans are children of the server span', async () => {
    const response = await fetch(`${url}/calls-upstream`);
    expect(await response.json()).toEqual({ status: 200 });

    const server = await serverSpanFor('/calls-upstream');
    const client = await spans.waitFor(
      (span) => span.kind === SpanKind.CLIENT && span.spanContext().traceId === server.spanContext().traceId,
    );
    expect(client.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(upstreamTraceparents).toEqual([`00-${server.spanContext().traceId}-${client.spanContext().spanId}-01`]);
  });

  it('gives probes no span and runs them untraced', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(200);
    await fetch(`${url}/items/e5`);
    await serverSpanFor('/items/e5');

    const finished = await spans.finished();
    expect(finished.filter((span) => span.attributes['url.path'] === '/health/ready')).toEqual([]);
    expect(seen.get('probe')?.span).toBeUndefined();
  });

  it('gives a span to a response that a hook before its own sent', async () => {
    const { default: Fastify } = await import('fastify');
    const fastify = Fastify({ logger: false });
    // Registered before the tracing hooks, and answering: theirs never see onRequest.
    fastify.addHook('onRequest', (_request, reply, done) => {
      void reply.code(503).send({ title: 'shutting down' });
      done();
    });
    installHttpServerTracing(fastify);
    fastify.get('/early/:id', () => ({ reached: true }));
    const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${address}/early/1`);
      expect(response.status).toBe(503);

      const server = await serverSpanFor('/early/1');
      expect(server.name).toBe('GET /early/:id');
      expect(server.attributes['http.response.status_code']).toBe(503);
      expect(server.status.code).toBe(SpanStatusCode.ERROR);
    } finally {
      await fastify.close();
    }
  });
});
