import { Controller, Get, Module } from '@nestjs/common';
import winston from 'winston';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { addTransport, closeLogging, configureLogging, getLogger } from './logger.js';
import { RequestContext } from './request-context.js';
import { startTestApp } from './testing/http-app.js';
import { LogCapture } from './testing/log-capture.js';

@Controller('orders')
class OrdersController {
  @Get(':id')
  find(): { ok: boolean } {
    RequestContext.set('userId', 'ada@example.com');
    return { ok: true };
  }
}

@Module({ controllers: [OrdersController] })
class OrdersModule {}

// The production set-up: no test stream, JSON lines on the buffered console transport, which
// the logger then writes to directly instead of through winston's stream pipeline.
describe('logger writing straight to the console transport', () => {
  let write: MockInstance<typeof process.stdout.write>;
  const lines = (): Record<string, unknown>[] =>
    write.mock.calls
      .map(([chunk]) => String(chunk))
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(() => {
    write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    configureLogging({ service: 'direct-tests', version: '2.0.0', environment: 'test', level: 'info', format: 'json' });
  });

  afterAll(() => {
    write.mockRestore();
  });

  it('writes the same shaped, redacted JSON lines, in order, at the configured level', async () => {
    write.mockClear();
    const logger = getLogger('Direct');
    expect(logger.isLevelEnabled('debug')).toBe(false);
    expect(logger.isLevelEnabled('info')).toBe(true);
    logger.debug('not written');
    logger.info('first', { password: 'direct-secret', invoiceId: 'inv-9' });
    logger.warn('second');
    await closeLogging();

    const records = lines();
    expect(records.map((record) => record['message'])).toEqual(['first', 'second']);
    expect(Object.keys(records[0]!)).toEqual([
      'timestamp',
      'level',
      'service',
      'environment',
      'version',
      'message',
      'context',
      'password',
      'invoiceId',
    ]);
    expect(records[0]).toMatchObject({
      level: 'info',
      service: 'direct-tests',
      version: '2.0.0',
      context: 'Direct',
      password: '[REDACTED]',
      invoiceId: 'inv-9',
    });
    expect(records[1]!['level']).toBe('warn');
    expect(write.mock.calls.join('')).not.toContain('direct-secret');
  });

  it("writes the access line on the direct path with the request's ids, masked as the logger masks them", async () => {
    configureLogging({ level: 'info' });
    const server = await startTestApp(OrdersModule);
    try {
      write.mockClear();
      const response = await fetch(`${server.url}/orders/42?token=direct-query-token`, {
        headers: { 'x-correlation-id': 'corr-direct-1' },
      });
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
    await closeLogging();

    const access = lines().filter((record) => record['context'] === 'HttpAccess');
    expect(access).toHaveLength(1);
    expect(Object.keys(access[0]!)).toEqual([
      'timestamp',
      'level',
      'service',
      'environment',
      'version',
      'message',
      'context',
      'requestId',
      'correlationId',
      'userId',
      'method',
      'route',
      'path',
      'statusCode',
      'durationMs',
      'responseBytes',
      'databaseMs',
      'upstreamMs',
    ]);
    expect(access[0]).toMatchObject({
      level: 'info',
      service: 'direct-tests',
      message: 'request completed',
      correlationId: 'corr-direct-1',
      userId: 'a***@example.com',
      method: 'GET',
      route: '/orders/:id',
      path: '/orders/42?token=[REDACTED]',
      statusCode: 200,
    });
    expect(write.mock.calls.join('')).not.toContain('direct-query-token');
  });

  it('follows a level change and still feeds a transport added by another library', async () => {
    configureLogging({ level: 'debug' });
    const extra = new LogCapture();
    addTransport(new winston.transports.Stream({ stream: extra.stream }));
    write.mockClear();
    getLogger('Direct').debug('to both');
    await closeLogging();

    expect(lines().map((record) => record['message'])).toEqual(['to both']);
    expect(extra.records().map((record) => record.message)).toEqual(['to both']);
  });
});
