import { Controller, Get, Logger, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestLogger } from './nest-logger.js';
import { captureLogs, type LogCapture } from './testing/log-capture.js';
import { startTestApp, type TestApp } from './testing/http-app.js';

@Controller('hello')
class HelloController {
  private readonly logger = new Logger(HelloController.name);

  @Get()
  hello(): string {
    this.logger.log('saying hello', { greeting: 'hi' });
    return 'hello';
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

describe("Nest's logger replaced application-wide", () => {
  let capture: LogCapture;
  let server: TestApp;

  beforeAll(async () => {
    capture = captureLogs();
    server = await startTestApp(HelloModule);
  });
  afterAll(async () => {
    await server.close();
  });

  it("writes Nest's own start-up lines as JSON records with Nest's context", () => {
    const records = capture.records();
    const byContext = (context: string) => records.filter((r) => r.context === context);

    expect(byContext('NestFactory').map((r) => r.message)).toContain('Starting Nest application...');
    expect(byContext('InstanceLoader').map((r) => r.message)).toContain('HelloModule dependencies initialized');
    expect(byContext('RoutesResolver').map((r) => r.message)).toContain('HelloController {/hello}:');
    expect(byContext('RouterExplorer').map((r) => r.message)).toContain('Mapped {/hello, GET} route');
    expect(byContext('NestApplication').map((r) => r.message)).toContain('Nest application successfully started');
    for (const record of byContext('NestFactory')) {
      expect(record.level).toBe('info');
      expect(record.service).toBe('logging-tests');
    }
    // Nothing but JSON reached the output: records() would have thrown on a console line.
    expect(records.length).toBeGreaterThan(4);
  });

  it('routes `new Logger(Context)` of application code through the platform logger, structured fields included', async () => {
    const response = await fetch(`${server.url}/hello`, { headers: { 'x-correlation-id': 'nest-logger-1' } });
    expect(await response.text()).toBe('hello');
    const line = await capture.waitFor((r) => r.message === 'saying hello');
    expect(line.context).toBe('HelloController');
    expect(line.correlationId).toBe('nest-logger-1');
    expect(line['greeting']).toBe('hi');
  });
});

describe('NestLogger calling conventions', () => {
  it('reads the context from the last argument and a stack from the one before it', () => {
    const capture = captureLogs({ level: 'debug' });
    const logger = new NestLogger();
    const stack = 'Error: failed\n    at handler (/app/src/main.ts:10:5)';
    logger.error('failed', stack, 'Worker');
    logger.warn('careful', 'Worker');
    logger.verbose('chatty', 'Worker');
    logger.fatal('gone', 'Worker');
    logger.log('no context');

    const [error, warn, verbose, fatal, plain] = capture.records();
    expect(error!.level).toBe('error');
    expect(error!.context).toBe('Worker');
    expect(error!['stack']).toBe(stack);
    expect(warn!.level).toBe('warn');
    expect(warn!.context).toBe('Worker');
    expect(verbose!.level).toBe('debug');
    expect(fatal!.level).toBe('error');
    expect(fatal!['fatal']).toBe(true);
    expect(plain!.message).toBe('no context');
    expect(plain!.context).toBeUndefined();
  });

  it('takes a stack given without context as the stack, not as the context', () => {
    const capture = captureLogs();
    const stack = 'Error: failed\n    at handler (/app/src/main.ts:10:5)';
    new NestLogger().error('failed', stack);

    const [record] = capture.records();
    expect(record!['stack']).toBe(stack);
    expect(record!.context).toBeUndefined();
  });

  it('logs an Error given as message with its stack, and objects as fields', () => {
    const capture = captureLogs();
    const logger = new NestLogger();
    // What Nest's Logger wrapper passes for `new Logger('ExceptionsHandler').error(exception)`.
    logger.error(new RangeError('out of range'), undefined, 'ExceptionsHandler');
    logger.log({ message: 'an object', invoiceId: 'inv-3' }, 'Billing');
    logger.log('with extras', 42, 'Billing');

    const [error, object, extras] = capture.records();
    expect(error!.message).toBe('out of range');
    expect(error!.context).toBe('ExceptionsHandler');
    expect((error!['error'] as Record<string, string>)['name']).toBe('RangeError');
    expect((error!['error'] as Record<string, string>)['stack']).toContain('RangeError: out of range');
    expect(object!.message).toBe('an object');
    expect(object!['invoiceId']).toBe('inv-3');
    expect(extras!['details']).toEqual([42]);
    expect(extras!.context).toBe('Billing');
  });

  it('skips work for levels that are off', () => {
    const capture = captureLogs({ level: 'info' });
    new NestLogger().debug('hidden', 'Quiet');
    expect(capture.output()).toBe('');
  });
});
