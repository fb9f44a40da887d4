// The peer app of bench:http must really have the features it is compared on; otherwise the
// comparison flatters us. Started as the benchmark starts it, against a database of its own, with
// its spans exported to an OTLP/HTTP receiver on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@platform/infra';
import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedRows } from './rows-seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Waits for log lines and exported spans: the machine running the spec may be busy. */
const SOON = { timeout: 15_000, interval: 50 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ReceivedSpan {
  traceId: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** An OTLP/HTTP JSON traces endpoint that keeps what it is sent. */
function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close: () => Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[];
      };
      for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/v1/traces`,
        spans,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function accessLines(output: string[]): Record<string, unknown>[] {
  return output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['msg'] === 'request completed');
}

describe('the peer app of bench:http', () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let peer: ChildProcess;
  let baseUrl: string;
  const output: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('bench_peer');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await seedRows(client, 10).finally(() => client.end());
    receiver = await startOtlpReceiver();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    peer = spawn(
      process.execPath,
      ['--import', './tools/bench/src/http-apps/peer-register.mjs', 'tools/bench/src/http-apps/peer.main.ts'],
      {
        cwd: root,
        env: {
          PATH: process.env['PATH'],
          NODE_ENV: 'production',
          PORT: String(port),
          DATABASE_URL: database.url,
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
          OTEL_BSP_SCHEDULE_DELAY: '100',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    peer.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    peer.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    await vi.waitFor(
      async () => {
        if (peer.exitCode !== null) throw new Error(`peer exited with ${peer.exitCode}: ${output.join('')}`);
        expect((await fetch(`${baseUrl}/hello`)).status).toBe(200);
      },
      { timeout: 110_000, interval: 250 },
    );
  });

  afterAll(async () => {
    if (peer && peer.exitCode === null) {
      const exited = new Promise((done) => peer.once('exit', done));
      peer.kill('SIGTERM');
      await exited;
    }
    await receiver?.close();
    await database?.drop();
  });

  it('writes one JSON access line per request with the caller’s correlation id, echoed on the response', async () => {
    const response = await fetch(`${baseUrl}/rows/3`, { headers: { 'x-correlation-id': 'peer-spec-3' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('peer-spec-3');
    const body = (await response.json()) as { id: number; payload: unknown };
    expect(body.id).toBe(3);
    await vi.waitFor(() => {
      const line = accessLines(output).find((entry) => entry['correlationId'] === 'peer-spec-3');
      expect(line).toMatchObject({ level: 30, req: { id: 'peer-spec-3', url: '/rows/3' }, res: { statusCode: 200 } });
      expect(line?.['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    }, SOON);
  });

  it('makes a UUID correlation id when the caller sends none', async () => {
    const response = await fetch(`${baseUrl}/hello`);
    const id = response.headers.get('x-correlation-id') ?? '';
    expect(id).toMatch(UUID);
    await vi.waitFor(() => expect(accessLines(output).some((entry) => entry['correlationId'] === id)).toBe(true), SOON);
  });

  it('records the server, Fastify, Nest controller and pg spans of a request in one trace', async () => {
    await fetch(`${baseUrl}/rows/4`, { headers: { 'x-correlation-id': 'peer-spec-4' } });
    let traceId = '';
    await vi.waitFor(() => {
      const line = accessLines(output).find((entry) => entry['correlationId'] === 'peer-spec-4');
      traceId = String(line?.['trace_id'] ?? '');
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    }, SOON);
    await vi.waitFor(() => {
      const names = receiver.spans.filter((span) => span.traceId === traceId).map((span) => span.name);
      expect(names).toContain('GET /rows/:id'); // instrumentation-http's server span
      expect(names).toContain('RowsController.read'); // instrumentation-nestjs-core, once it accepts Nest 12
      expect(names.some((name) => name.startsWith('request'))).toBe(true); // @fastify/otel
      expect(names.some((name) => name.startsWith('pg.query'))).toBe(true);
    }, SOON);
  });

  it('answers errors with the global filter’s Problem Details body', async () => {
    const response = await fetch(`${baseUrl}/rows/999999`, { headers: { 'x-correlation-id': 'peer-spec-404' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'NOT_FOUND',
      status: 404,
      detail: 'no row 999999',
      instance: '/rows/999999',
      correlationId: 'peer-spec-404',
    });
  });

  it('counts requests in the duration histogram by route template and status', async () => {
    await fetch(`${baseUrl}/rows/5`);
    await fetch(`${baseUrl}/rows/999998`);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    const count = (labels: string) =>
      Number(new RegExp(`^http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
    expect(count('method="GET",route="/rows/:id",status_code="200"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="/rows/:id",status_code="404"')).toBeGreaterThanOrEqual(1);
    expect(metrics).not.toContain('route="/rows/5"');
  });
});
