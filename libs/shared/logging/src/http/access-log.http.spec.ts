import { Body, Controller, Get, HttpCode, Module, NotFoundException, Param, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestContext } from '../request-context.js';
import { captureLogs } from '../testing/log-capture.js';
import { startTestApp, type TestApp } from '../testing/http-app.js';

@Controller('users')
class UsersController {
  @Get(':id')
  find(@Param('id') id: string): { id: string; name: string } {
    // Stand-ins for the database and HTTP clients, which report their time this way.
    RequestContext.addDatabaseTime(12.5);
    RequestContext.addDatabaseTime(2.25);
    RequestContext.addUpstreamTime(30);
    if (id === 'missing') throw new NotFoundException('no such user');
    return { id, name: 'Ada' };
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: Record<string, unknown>): { created: boolean } {
    return { created: Object.keys(body).length > 0 };
  }
}

@Module({ controllers: [UsersController] })
class AccessLogModule {}

describe('access log', () => {
  let server: TestApp | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const isAccessLine = (correlationId: string) => (r: { message: string; correlationId?: string }) =>
    r.message === 'request completed' && r.correlationId === correlationId;

  it('writes one line per request with method, route template, sanitized path, status, size and timings', async () => {
    const capture = captureLogs({ level: 'info' });
    server = await startTestApp(AccessLogModule, { slowRequestMs: 60_000 });
    const correlationId = randomUUID();
    const response = await fetch(`${server.url}/users/8f3a?token=s3cr3t-query-token&page=2`, {
      headers: { 'x-correlation-id': correlationId },
    });
    const body = await response.text();
    expect(response.status).toBe(200);

    const line = await capture.waitFor(isAccessLine(correlationId));
    expect(line.level).toBe('info');
    expect(line.context).toBe('HttpAccess');
    expect(line['method']).toBe('GET');
    expect(line['route']).toBe('/users/:id');
    expect(line['path']).toBe('/users/8f3a?token=[REDACTED]&page=2');
    expect(line['statusCode']).toBe(200);
    expect(line['responseBytes']).toBe(Buffer.byteLength(body));
    expect(typeof line['durationMs']).toBe('number');
    expect(line['durationMs'] as number).toBeGreaterThan(0);
    expect(line['databaseMs']).toBe(14.75);
    expect(line['upstreamMs']).toBe(30);
    expect(line.requestId).toBe(response.headers.get('x-request-id'));
    // Headers and bodies are for debug only.
    expect(line['requestHeaders']).toBeUndefined();
    expect(line['requestBody']).toBeUndefined();
    expect(capture.output()).not.toContain('s3cr3t-query-token');
    expect(capture.filter(isAccessLine(correlationId))).toHaveLength(1);
  });

  it('logs error responses with their status, and unmatched paths without a route template', async () => {
    const capture = captureLogs();
    server = await startTestApp(AccessLogModule, { slowRequestMs: 60_000 });
    const notFoundId = randomUUID();
    expect((await fetch(`${server.url}/users/missing`, { headers: { 'x-correlation-id': notFoundId } })).status).toBe(
      404,
    );
    const unmatchedId = randomUUID();
    expect((await fetch(`${server.url}/nowhere/42`, { headers: { 'x-correlation-id': unmatchedId } })).status).toBe(
      404,
    );

    const thrown = await capture.waitFor(isAccessLine(notFoundId));
    expect(thrown['statusCode']).toBe(404);
    expect(thrown['route']).toBe('/users/:id');
    const unmatched = await capture.waitFor(isAccessLine(unmatchedId));
    expect(unmatched['statusCode']).toBe(404);
    expect(unmatched['route']).toBeUndefined();
    expect(unmatched['path']).toBe('/nowhere/42');
  });

  it('writes requests slower than the threshold at warn', async () => {
    const capture = captureLogs();
    // Every request takes more than 0 ms: this proves the rule without measuring time.
    server = await startTestApp(AccessLogModule, { slowRequestMs: 0 });
    const correlationId = randomUUID();
    await fetch(`${server.url}/users/1`, { headers: { 'x-correlation-id': correlationId } });
    const line = await capture.waitFor(isAccessLine(correlationId));
    expect(line.level).toBe('warn');
  });

  it('takes the slow threshold from the logging options (SLOW_REQUEST_MS) when not given', async () => {
    const capture = captureLogs({ slowRequestMs: 0 });
    server = await startTestApp(AccessLogModule);
    const correlationId = randomUUID();
    await fetch(`${server.url}/users/1`, { headers: { 'x-correlation-id': correlationId } });
    expect((await capture.waitFor(isAccessLine(correlationId))).level).toBe('warn');
  });

  it('adds sanitized headers and a size-limited sanitized body at debug', async () => {
    const capture = captureLogs({ level: 'debug' });
    server = await startTestApp(AccessLogModule, { slowRequestMs: 60_000, maxBodyLogBytes: 200 });
    const correlationId = randomUUID();
    const response = await fetch(`${server.url}/users`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer header-bearer-secret',
        cookie: 'session=cookie-secret-value',
        'x-api-key': 'api-key-secret-value',
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify({
        email: 'grace.hopper@example.com',
        password: 'body-password-secret',
        note: 'n'.repeat(500),
      }),
    });
    expect(response.status).toBe(201);

    const line = await capture.waitFor(isAccessLine(correlationId));
    expect(line.level).toBe('info');
    const headers = line['requestHeaders'] as Record<string, string>;
    expect(headers['authorization']).toBe('[REDACTED]');
    expect(headers['cookie']).toBe('[REDACTED]');
    expect(headers['x-api-key']).toBe('[REDACTED]');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-correlation-id']).toBe(correlationId);
    const responseHeaders = line['responseHeaders'] as Record<string, string>;
    expect(responseHeaders['x-request-id']).toBe(response.headers.get('x-request-id'));
    const body = line['requestBody'] as string;
    expect(typeof body).toBe('string');
    expect(body.startsWith('{"email":"g***@example.com","password":"[REDACTED]","note":"nnn')).toBe(true);
    expect(body).toMatch(/…\[\d+ more bytes\]$/);
    expect(Buffer.byteLength(body.slice(0, body.indexOf('…')))).toBeLessThanOrEqual(200);

    const output = capture.output();
    for (const secret of [
      'header-bearer-secret',
      'cookie-secret-value',
      'api-key-secret-value',
      'body-password-secret',
      'grace.hopper@example.com',
    ]) {
      expect(output).not.toContain(secret);
    }
  });

  it('keeps a small body at debug as structured JSON, secrets redacted and names masked', async () => {
    const capture = captureLogs({ level: 'debug' });
    server = await startTestApp(AccessLogModule, { slowRequestMs: 60_000 });
    const correlationId = randomUUID();
    await fetch(`${server.url}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
      body: JSON.stringify({
        name: 'Ada Lovelace',
        displayName: 'Countess Lovelace',
        lines: [{ customer: { name: 'Grace Hopper' }, quantity: 2 }],
        refreshToken: 'small-body-refresh-token',
      }),
    });
    const line = await capture.waitFor(isAccessLine(correlationId));
    // A body's `name` is a customer's or a business's: masked like a person's name.
    expect(line['requestBody']).toEqual({
      name: 'A***',
      displayName: 'C***',
      lines: [{ customer: { name: 'G***' }, quantity: 2 }],
      refreshToken: '[REDACTED]',
    });
    for (const personal of ['small-body-refresh-token', 'Lovelace', 'Grace Hopper']) {
      expect(capture.output()).not.toContain(personal);
    }
  });
});
