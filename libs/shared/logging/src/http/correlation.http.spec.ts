import { Controller, Get, Module } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLogger } from '../logger.js';
import { captureLogs, type LogCapture } from '../testing/log-capture.js';
import { startTestApp, type TestApp } from '../testing/http-app.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const log = getLogger('CorrelationTest');

@Controller()
class PingController {
  @Get('ping')
  ping(): { ok: boolean } {
    log.info('ping handled');
    return { ok: true };
  }

  @Get('boom')
  boom(): never {
    throw new Error('boom');
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

/** A GET with headers fetch refuses to send (non-ASCII), through node:http, which sends latin1. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('correlation over HTTP', () => {
  let server: TestApp;
  let capture: LogCapture;

  beforeAll(async () => {
    capture = captureLogs();
    server = await startTestApp(PingModule);
  });
  afterAll(async () => {
    await server.close();
  });

  it('echoes safe incoming ids, and uses them on the lines of the request', async () => {
    const response = await fetch(`${server.url}/ping`, {
      headers: { 'x-request-id': 'req-1.a:b_c', 'x-correlation-id': 'corr-0190f0e2-7c4a' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-1.a:b_c');
    expect(response.headers.get('x-correlation-id')).toBe('corr-0190f0e2-7c4a');
    const line = await capture.waitFor((r) => r.message === 'ping handled' && r.requestId === 'req-1.a:b_c');
    expect(line.correlationId).toBe('corr-0190f0e2-7c4a');
  });

  it('makes a UUID v7 request id and uses it as correlation id when the caller sends neither', async () => {
    const response = await fetch(`${server.url}/ping`);
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(UUID_V7);
    expect(response.headers.get('x-correlation-id')).toBe(requestId);
  });

  it('keeps an incoming correlation id while making a new request id for this hop', async () => {
    const response = await fetch(`${server.url}/ping`, { headers: { 'x-correlation-id': 'only-correlation' } });
    expect(response.headers.get('x-request-id')).toMatch(UUID_V7);
    expect(response.headers.get('x-correlation-id')).toBe('only-correlation');
  });

  it('correlates by the incoming request id when only that is sent', async () => {
    const response = await fetch(`${server.url}/ping`, { headers: { 'x-request-id': 'only-request' } });
    expect(response.headers.get('x-request-id')).toBe('only-request');
    expect(response.headers.get('x-correlation-id')).toBe('only-request');
  });

  it.each([
    ['spaces', 'has a space'],
    ['too long', 'a'.repeat(129)],
    ['a quote', 'abc"def'],
    ['a comma (two headers folded into one)', 'one,two'],
    ['a tab', 'tab\tinside'],
  ])('replaces an incoming id with %s by a new one', async (_kind, unsafe) => {
    const response = await fetch(`${server.url}/ping`, {
      headers: { 'x-request-id': unsafe, 'x-correlation-id': unsafe },
    });
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(UUID_V7);
    expect(response.headers.get('x-correlation-id')).toBe(requestId);
    expect(capture.output()).not.toContain(unsafe);
  });

  it('replaces a non-ASCII incoming id by a new one', async () => {
    const response = await rawGet(`${server.url}/ping`, {
      'x-request-id': 'caf\u00e9',
      'x-correlation-id': 'caf\u00e9',
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toMatch(UUID_V7);
    expect(response.headers['x-correlation-id']).toBe(response.headers['x-request-id']);
  });

  it('echoes the ids and the response time on 404s and on thrown exceptions', async () => {
    for (const [path, status] of [
      ['/no-such-route', 404],
      ['/boom', 500],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { headers: { 'x-correlation-id': `corr-${status}` } });
      expect(response.status).toBe(status);
      expect(response.headers.get('x-correlation-id')).toBe(`corr-${status}`);
      expect(response.headers.get('x-request-id')).toMatch(UUID_V7);
      expect(response.headers.get('x-response-time')).toMatch(/^\d+\.\d{3}ms$/);
    }
  });

  it('adds X-Response-Time in milliseconds to successful responses', async () => {
    const response = await fetch(`${server.url}/ping`);
    expect(response.headers.get('x-response-time')).toMatch(/^\d+\.\d{3}ms$/);
  });
});
