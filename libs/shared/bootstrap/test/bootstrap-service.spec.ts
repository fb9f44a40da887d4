import { request, type IncomingHttpHeaders } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapService, ConfigError, type RunningService } from '../src/index.js';
import { DemoConfig, DemoModule } from './fixtures/demo.module.js';

const lines: Array<Record<string, unknown>> = [];
const logStream = new PassThrough();
logStream.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n').filter(Boolean))
    lines.push(JSON.parse(line) as Record<string, unknown>);
});

// fetch refuses some methods (TRACE); node:http sends any.
function rawRequest(
  method: string,
  url: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { method }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('bootstrapService', () => {
  let service: RunningService<DemoConfig>;

  beforeAll(async () => {
    service = await bootstrapService({
      name: 'demo-service',
      version: '1.2.3',
      module: DemoModule,
      config: DemoConfig,
      env: { PORT: '0', HOST: '127.0.0.1', MANAGEMENT_PORT: '0', GREETING: 'hi', LOG_LEVEL: 'info', NODE_ENV: 'test' },
      logStream,
      handleSignals: false,
    });
  });
  afterAll(async () => {
    await service.shutdown('test over');
  });

  it('serves the module with validated configuration injected by class', async () => {
    expect(service.config).toBeInstanceOf(DemoConfig);
    const response = await fetch(`${service.url}/greetings/ada`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'hi, ada' });
  });

  it('logs JSON with the service identity, request ids and an access log line', async () => {
    const response = await fetch(`${service.url}/greetings/grace`, { headers: { 'x-correlation-id': 'corr-42' } });
    expect(response.headers.get('x-correlation-id')).toBe('corr-42');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const greeting = lines.find((l) => l['message'] === 'greeting' && l['name'] === 'grace');
    expect(greeting).toMatchObject({
      service: 'demo-service',
      version: '1.2.3',
      environment: 'test',
      correlationId: 'corr-42',
      context: 'Greeter',
    });
    const access = lines.find((l) => l['correlationId'] === 'corr-42' && l['route'] === '/greetings/:name');
    expect(access).toMatchObject({ level: 'info', method: 'GET', statusCode: 200 });
    expect(lines.some((l) => l['context'] === 'NestApplication')).toBe(true); // Nest's own lines, as JSON
  });

  it('answers errors as Problem Details without leaking internals', async () => {
    const response = await fetch(`${service.url}/greetings/broken`, { headers: { 'x-correlation-id': 'corr-500' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 500,
      correlationId: 'corr-500',
      instance: '/greetings/broken',
      method: 'GET',
    });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    const logged = lines.find((l) => l['correlationId'] === 'corr-500' && l['level'] === 'error');
    expect(JSON.stringify(logged)).not.toContain('hunter2');

    const missing = await fetch(`${service.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('serves metrics and health on the management port only', async () => {
    await fetch(`${service.url}/greetings/linus`);
    const metrics = await (await fetch(`${service.managementUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_count\{method="GET",route="\/greetings\/:name",status_code="200"\} \d+/,
    );
    expect(metrics).not.toContain('/greetings/linus');
    expect((await fetch(`${service.managementUrl}/health/ready`)).status).toBe(200);
    expect((await fetch(`${service.managementUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
  });

  it('takes a form body as its fields, a key named __proto__ dropped rather than refused', async () => {
    const response = await fetch(`${service.url}/greetings/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '__proto__=1&List-Unsubscribe=One-Click&a=b',
    });
    expect(response.status).toBe(200);
    const { received } = (await response.json()) as { received: Record<string, unknown> };
    expect(received).toEqual({ 'List-Unsubscribe': 'One-Click', a: 'b' });
  });

  describe('JSON bodies', () => {
    const post = (body: string) =>
      fetch(`${service.url}/greetings/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    it('refuses a body nested deeper than the limit with a 400 Problem Details, arrays and objects alike', async () => {
      for (const body of ['['.repeat(5_000) + ']'.repeat(5_000), '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)]) {
        const response = await post(body);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await response.json()).toMatchObject({ status: 400, code: 'REQUEST.BODY_TOO_DEEP' });
      }
      // The service is still there for the next request.
      expect((await fetch(`${service.url}/greetings/ada`)).status).toBe(200);
    });

    it('accepts a body exactly as deep as the limit, brackets inside strings not counted', async () => {
      const deepest = `${'['.repeat(32)}"]]]]{{{{"${']'.repeat(32)}`;
      const response = await post(deepest);
      expect(response.status).toBe(200);
      expect(JSON.stringify(((await response.json()) as { received: unknown }).received)).toBe(deepest);
      expect((await post(`${'['.repeat(33)}${']'.repeat(33)}`)).status).toBe(400);
    });

    it('treats an empty JSON body as no body, and still refuses malformed JSON and prototype poisoning', async () => {
      const empty = await post('');
      expect(empty.status).toBe(200);
      expect(await empty.json()).toEqual({ received: null });
      expect((await post(' \t\r\n')).status).toBe(200);
      // Whitespace to String#trim, not to JSON (found by the contract fuzzer: a PATCH of "\f" was applied as no change).
      for (const notJson of ['\f', '\v', '\u00a0', '\u2028'])
        expect((await post(notJson)).status, JSON.stringify(notJson)).toBe(400);
      expect((await post('{"a":')).status).toBe(400);
      expect((await post('{"__proto__":{"admin":true}}')).status).toBe(400);
    });
  });

  it('answers 405 with Allow for a known path and another method, 404 for an unknown path', async () => {
    for (const method of ['PUT', 'DELETE', 'TRACE', 'PATCH']) {
      const response = await rawRequest(method, `${service.url}/greetings/ada`);
      expect(response.status, method).toBe(405);
      expect(response.headers['allow']).toBe('GET, HEAD');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({ status: 405, code: 'HTTP.METHOD_NOT_ALLOWED' });
    }
    const echo = await fetch(`${service.url}/greetings/echo`, { method: 'GET' });
    // `/greetings/:name` serves GET for any name, `echo` included: that is a route, not a 405.
    expect(echo.status).toBe(200);
    const wrong = await fetch(`${service.url}/greetings/echo`, { method: 'DELETE' });
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await fetch(`${service.url}/nowhere`, { method: 'PUT' })).status).toBe(404);
  });

  it('hands a path parameter longer than 100 characters to the route, not to a bare 414 from the router', async () => {
    const name = 'a'.repeat(300);
    const response = await fetch(`${service.url}/greetings/${name}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: expect.stringContaining(name) });
  });

  it('hands a query of 24 KiB (non-ASCII, percent-encoded) to the route, not to a bare 431 from the HTTP parser', async () => {
    const name = encodeURIComponent('\u{1F600}'.repeat(2048));
    expect(name.length).toBeGreaterThan(16 * 1024);
    const response = await fetch(`${service.url}/greetings/ada?note=${name}`);
    expect(response.status).toBe(200);
  });

  it('refuses malformed settings before starting anything', async () => {
    await expect(
      bootstrapService({
        name: 'demo-service',
        module: DemoModule,
        config: DemoConfig,
        env: { PORT: 'x', LOG_LEVEL: 'loud' },
        handleSignals: false,
      }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});
