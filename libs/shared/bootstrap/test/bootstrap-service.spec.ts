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
