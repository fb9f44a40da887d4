import 'reflect-metadata';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { uniqueName } from '@platform/infra/testing';
import { RequestContext } from '@platform/logging';
import {
  CircuitOpenError,
  InvalidUpstreamResponseError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '@platform/validation';
import { IsInt, IsString } from 'class-validator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, sendJson, startServer, type TestServer } from '../../test/http-servers.js';
import { captureLogs } from '@platform/logging/testing';
import { metricValue } from '../../test/metrics.js';
import { shutdownCircuitBreakers } from '../breaker/breaker-registry.js';
import { BaseHttpClient } from './base-http-client.js';
import type { HttpClientOptions } from './http-client-options.js';

class Invoice {
  @IsString() id!: string;
  @IsInt() amountMinor!: number;
}

/** Retries without real waiting worth the name: these tests check behaviour, not timing. */
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('BaseHttpClient (real HTTP servers on loopback)', () => {
  const logs = captureLogs({ level: 'debug' });
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const servers: TestServer[] = [];

  beforeAll(() => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    shutdownCircuitBreakers();
    exporter.reset();
    logs.clear();
  });

  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
    const started = await startServer(handler);
    servers.push(started);
    return started;
  }

  function client(baseUrl: string, options: Partial<HttpClientOptions> = {}): BaseHttpClient {
    return new BaseHttpClient({
      upstream: uniqueName('upstream'),
      baseUrl,
      retry: FAST_RETRY,
      timeoutMs: 2_000,
      ...options,
    });
  }

  it('returns the body as an instance of the declared class', async () => {
    const upstream = await server((_, response) =>
      sendJson(response, 200, { id: 'inv-1', amountMinor: 1250, extra: true }),
    );
    const invoice = await client(upstream.url).get('/invoices/inv-1', { response: Invoice });
    expect(invoice).toBeInstanceOf(Invoice);
    expect(invoice).toEqual({ id: 'inv-1', amountMinor: 1250 });
    expect(upstream.requests[0]).toMatchObject({ method: 'GET', url: '/invoices/inv-1' });
  });

  it('throws InvalidUpstreamResponseError when the body breaks the declared class', async () => {
    const upstream = await server((_, response) => sendJson(response, 200, { id: 'inv-1', amountMinor: '12.50' }));
    const error = await failure(client(upstream.url).get('/invoices/inv-1', { response: Invoice }));
    expect(error).toBeInstanceOf(InvalidUpstreamResponseError);
    expect((error as InvalidUpstreamResponseError).errors).toEqual([
      { field: 'amountMinor', message: 'amountMinor must be an integer number', code: 'isInt' },
    ]);
    expect(upstream.requests).toHaveLength(1); // a broken contract is not retried
  });

  it('retries a GET on a flaky upstream until it answers', async () => {
    const upstream = await server((_, response) => {
      if (upstream.requests.length === 1) sendJson(response, 503, { title: 'busy' });
      else if (upstream.requests.length === 2)
        response.destroy(); // connection reset
      else sendJson(response, 200, { id: 'inv-1', amountMinor: 1 });
    });
    const name = uniqueName('flaky');
    const invoice = await client(upstream.url, { upstream: name }).get('/invoices/inv-1', { response: Invoice });
    expect(invoice.id).toBe('inv-1');
    expect(upstream.requests).toHaveLength(3);
    const retries = logs.records().filter((record) => record.message.startsWith('retrying'));
    expect(retries.map((record) => record['attempt'])).toEqual([1, 2]);

    // one measurement per physical request
    const series = { upstream: name, method: 'GET' };
    expect(await metricValue('http_client_request_duration_seconds', { ...series, status_code: '503' }, '_count')).toBe(
      1,
    );
    expect(
      await metricValue('http_client_request_duration_seconds', { ...series, status_code: 'error' }, '_count'),
    ).toBe(1);
    expect(await metricValue('http_client_request_duration_seconds', { ...series, status_code: '200' }, '_count')).toBe(
      1,
    );
  });

  it('gives up after the attempts with UpstreamUnavailableError: 502 for a failing upstream', async () => {
    const upstream = await server((_, response) => sendJson(response, 500, { title: 'oops' }));
    const error = await failure(client(upstream.url).get('/invoices'));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ status: 502, upstreamStatus: 500 });
    expect(upstream.requests).toHaveLength(3);
  });

  it('never retries a POST without an Idempotency-Key, and retries one with it', async () => {
    const upstream = await server((_, response) => sendJson(response, 503, {}));
    const payments = client(upstream.url);
    await expect(payments.post('/payments', { body: { amountMinor: 100 } })).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]).toMatchObject({ body: '{"amountMinor":100}' });
    expect(upstream.requests[0]!.headers['content-type']).toBe('application/json');

    await expect(
      payments.post('/payments', { body: { amountMinor: 100 }, idempotencyKey: 'pay-42' }),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(upstream.requests).toHaveLength(4);
    expect(upstream.requests.slice(1).map((request) => request.headers['idempotency-key'])).toEqual([
      'pay-42',
      'pay-42',
      'pay-42',
    ]);
  });

  it('does not retry a 4xx and hands the caller status and body', async () => {
    const upstream = await server((_, response) => sendJson(response, 404, { code: 'INVOICE.NOT_FOUND' }));
    const error = await failure(client(upstream.url).get('/invoices/nope'));
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ upstreamStatus: 404, body: { code: 'INVOICE.NOT_FOUND' }, status: 502 });
    expect(upstream.requests).toHaveLength(1);
  });

  it('with passClientErrors, hands a 4xx or 429 on as a result, untried again and not counted by the breaker', async () => {
    const upstream = await server((_, response) =>
      sendJson(response, 429, { code: 'AUTH.TOO_MANY_ATTEMPTS' }, { 'retry-after': '7' }),
    );
    const proxy = client(upstream.url, { breaker: { volumeThreshold: 1, errorThresholdPercentage: 1 } });
    for (let i = 0; i < 3; i++) {
      const result = await proxy.request('POST', '/login', { body: {}, passClientErrors: true });
      expect(result).toMatchObject({ status: 429, body: { code: 'AUTH.TOO_MANY_ATTEMPTS' } });
      expect(result.headers.get('retry-after')).toBe('7');
    }
    expect(upstream.requests).toHaveLength(3);
  });

  it('times a slow upstream out with UpstreamTimeoutError, aborting the request', async () => {
    let aborted = 0;
    const upstream = await server((_, response, raw) => {
      response.on('close', () => {
        if (!response.writableFinished) aborted++;
      });
      void raw; // never answers
    });
    const error = await failure(client(upstream.url, { timeoutMs: 100, retry: false }).get('/slow'));
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, status: 504 });
    await expect.poll(() => aborted).toBe(1);
  });

  it('waits for the Retry-After of a 429 before trying again', async () => {
    const upstream = await server((_, response) => {
      if (upstream.requests.length === 1) return sendJson(response, 429, {}, { 'retry-after': '1' });
      sendJson(response, 200, { id: 'inv-1', amountMinor: 1 });
    });
    await client(upstream.url).get('/invoices/inv-1');
    expect(upstream.requests).toHaveLength(2);
    expect(logs.records().find((record) => record.message.startsWith('retrying'))).toMatchObject({
      attempt: 1,
      delayMs: 1_000,
    });
  });

  it('passes a long Retry-After on instead of waiting for it', async () => {
    const upstream = await server((_, response) => sendJson(response, 429, {}, { 'retry-after': '120' }));
    const error = await failure(client(upstream.url).get('/invoices'));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ status: 503, upstreamStatus: 429, retryAfterSeconds: 120 });
    expect(upstream.requests).toHaveLength(1);
  });

  it('opens one breaker per upstream: once open, calls fail fast without reaching it', async () => {
    const target = await closedPort();
    const name = uniqueName('down');
    const options = { upstream: name, retry: false as const, breaker: { volumeThreshold: 2, resetTimeoutMs: 60_000 } };
    const first = client(target, options);
    await expect(first.get('/a')).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(first.get('/a')).rejects.toBeInstanceOf(UpstreamUnavailableError);

    // a second client of the same upstream shares the breaker
    const second = client(target, options);
    const error = await failure(second.get('/a'));
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterSeconds).toBeGreaterThan(0);

    // another upstream is not affected
    const healthy = await server((_, response) => sendJson(response, 200, {}));
    await expect(client(healthy.url).get('/ok')).resolves.toEqual({});
  });

  it('propagates traceparent and the correlation id, in a CLIENT span per request', async () => {
    const upstream = await server((_, response) => sendJson(response, 200, { id: 'inv-1', amountMinor: 1 }));
    const invoices = client(upstream.url, { upstream: uniqueName('traced') });
    const tracer = trace.getTracer('test');
    const parentSpanContext = await tracer.startActiveSpan('handler', async (parent) => {
      await RequestContext.run({ correlationId: 'corr-7' }, () =>
        invoices.get('/invoices/inv-1', { route: '/invoices/{id}' }),
      );
      parent.end();
      return parent.spanContext();
    });

    const clientSpan = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.CLIENT)!;
    expect(clientSpan.name).toBe('GET /invoices/{id}');
    expect(clientSpan.spanContext().traceId).toBe(parentSpanContext.traceId);
    expect(clientSpan.parentSpanContext?.spanId).toBe(parentSpanContext.spanId);
    expect(clientSpan.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'url.template': '/invoices/{id}',
    });

    const headers = upstream.requests[0]!.headers;
    expect(headers['traceparent']).toBe(`00-${parentSpanContext.traceId}-${clientSpan.spanContext().spanId}-01`);
    expect(headers['x-correlation-id']).toBe('corr-7');
  });

  it('marks the span of a failed request as an error', async () => {
    const upstream = await server((_, response) => sendJson(response, 503, {}));
    await failure(client(upstream.url, { retry: false }).get('/x'));
    const [span] = exporter.getFinishedSpans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes).toMatchObject({ 'http.response.status_code': 503, 'error.type': '503' });
  });

  it('sends the bearer token, and on a 401 refreshes it once', async () => {
    const upstream = await server((request, response) => {
      if (request.headers.authorization === 'Bearer fresh') return sendJson(response, 200, { ok: true });
      sendJson(response, 401, {});
    });
    let invalidated = 0;
    const tokens = {
      getToken: async () => (invalidated === 0 ? 'stale' : 'fresh'),
      invalidate: () => {
        invalidated++;
      },
    };
    await expect(client(upstream.url, { auth: tokens }).get('/me')).resolves.toEqual({ ok: true });
    expect(upstream.requests.map((request) => request.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(invalidated).toBe(1);
  });

  it("stops at the caller's abort", async () => {
    const upstream = await server(() => undefined);
    const controller = new AbortController();
    const call = failure(client(upstream.url).get('/slow', { signal: controller.signal }));
    await expect.poll(() => upstream.requests.length).toBe(1);
    controller.abort(new Error('client went away'));
    expect(await call).toMatchObject({ message: 'client went away' });
    expect(upstream.requests).toHaveLength(1);
  });
});
