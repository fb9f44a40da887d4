import { PassThrough } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { configureLogging, getLogger, type LogRecord } from '@platform/logging';
import { shutdownTelemetry } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually.js';
import { startTestTelemetry, type RecordedSpans } from './support/test-telemetry.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const logger = getLogger('GreetingController');

@Controller()
class GreetingController {
  @Get('greetings/:name')
  async greet(@Param('name') name: string): Promise<{ greeting: string }> {
    logger.info('greeting requested', { name });
    await new Promise((resolve) => setImmediate(resolve));
    logger.info('greeting ready', { name });
    return { greeting: `hello ${name}` };
  }
}

@Module({ controllers: [GreetingController] })
class GreetingModule {}

describe('HTTP server tracing', () => {
  let spans: RecordedSpans;
  let app: TestApp;
  const logLines: LogRecord[] = [];

  beforeAll(async () => {
    spans = startTestTelemetry();
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as LogRecord);
    });
    configureLogging({ stream, level: 'debug', format: 'json' });
    app = await startTestApp(GreetingModule);
  });

  afterAll(async () => {
    await app?.close();
    await shutdownTelemetry();
  });

  const serverSpanFor = (path: string) =>
    spans.waitFor((span: ReadableSpan) => span.kind === SpanKind.SERVER && span.attributes['url.path'] === path);

  const linesOf = (name: string) =>
    eventually(() => {
      const lines = logLines.filter((line) => line['name'] === name);
      return lines.length === 2 ? lines : undefined;
    });

  it("puts the server span's trace id on every log line of the request", async () => {
    const response = await fetch(`${app.url}/greetings/ada`);
    expect(response.status).toBe(200);

    const server = await serverSpanFor('/greetings/ada');
    const lines = await linesOf('ada');
    expect(lines.map((line) => line.message)).toEqual(['greeting requested', 'greeting ready']);
    for (const line of lines) {
      expect(line.traceId).toBe(server.spanContext().traceId);
      expect(line.spanId).toBe(server.spanContext().spanId);
    }
    expect(server.parentSpanContext).toBeUndefined();
    expect(server.resource.attributes).toMatchObject({
      'service.name': 'observability-test',
      'service.version': '0.0.0-test',
      'deployment.environment.name': 'test',
    });
  });

  it('names the server span after the route template, not the raw URL', async () => {
    await fetch(`${app.url}/greetings/alan`);

    const server = await serverSpanFor('/greetings/alan');
    expect(server.name).toBe('GET /greetings/:name');
    expect(server.attributes['http.route']).toBe('/greetings/:name');
  });

  it('continues an incoming traceparent instead of starting a new trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpanId = '00f067aa0ba902b7';
    const response = await fetch(`${app.url}/greetings/grace`, {
      headers: { traceparent: `00-${traceId}-${parentSpanId}-01` },
    });
    expect(response.status).toBe(200);

    const server = await serverSpanFor('/greetings/grace');
    expect(server.spanContext().traceId).toBe(traceId);
    expect(server.spanContext().spanId).not.toBe(parentSpanId);
    expect(server.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(server.parentSpanContext?.isRemote).toBe(true);
    const lines = await linesOf('grace');
    expect(lines.map((line) => line.traceId)).toEqual([traceId, traceId]);
  });
});
