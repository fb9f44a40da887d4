import { context as otelContext, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import winston from 'winston';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTransport, closeLogging, configureLogging, currentLoggingOptions, getLogger } from './logger.js';
import { loggingOptionsFromEnv } from './logging-env.js';
import { RequestContext } from './request-context.js';
import { captureLogs, LogCapture } from './testing/log-capture.js';

describe('logger', () => {
  it('writes one JSON object per line with identity, message, context and metadata, in that order', () => {
    const capture = captureLogs();
    getLogger('Billing').info('invoice sent', { invoiceId: 'inv-1', amountMinor: 1250 });

    const [record] = capture.records();
    expect(Object.keys(record!)).toEqual([
      'timestamp',
      'level',
      'service',
      'environment',
      'version',
      'message',
      'context',
      'invoiceId',
      'amountMinor',
    ]);
    expect(new Date(record!.timestamp).toISOString()).toBe(record!.timestamp);
    expect(record!.level).toBe('info');
    expect(record!.service).toBe('logging-tests');
    expect(record!.environment).toBe('test');
    expect(record!.version).toBe('1.2.3');
    expect(record!.message).toBe('invoice sent');
    expect(record!.context).toBe('Billing');
    expect(record!['invoiceId']).toBe('inv-1');
    expect(record!['amountMinor']).toBe(1250);
  });

  it('adds the ids of the request context without being passed them', async () => {
    const capture = captureLogs();
    await RequestContext.run({ correlationId: 'corr-1', requestId: 'req-1' }, async () => {
      RequestContext.set('userId', 'user-1');
      await new Promise((resolve) => setTimeout(resolve, 1));
      getLogger('Deep').info('after a timer');
    });
    getLogger('Outside').info('no context');

    const [inside, outside] = capture.records();
    expect(inside!.correlationId).toBe('corr-1');
    expect(inside!.requestId).toBe('req-1');
    expect(inside!['userId']).toBe('user-1');
    expect(outside!.correlationId).toBeUndefined();
    expect(outside!['userId']).toBeUndefined();
  });

  it('does not let metadata overwrite the identity of a record; clashing keys go under meta', () => {
    const capture = captureLogs();
    getLogger('Payments').info('called provider', { service: 'stripe', level: 'error', timestamp: 'yesterday' });

    const [record] = capture.records();
    expect(record!.service).toBe('logging-tests');
    expect(record!.level).toBe('info');
    expect(record!.timestamp).not.toBe('yesterday');
    expect(record!['meta']).toEqual({ service: 'stripe', level: 'error', timestamp: 'yesterday' });
  });

  it('logs an error passed as meta.error with its name, message, stack and fields', () => {
    const capture = captureLogs();
    const error = Object.assign(new TypeError('cannot read total'), { code: 'E_TOTAL' });
    getLogger('Billing').error('invoice failed', { error });

    const logged = capture.records()[0]!['error'] as Record<string, unknown>;
    expect(logged['name']).toBe('TypeError');
    expect(logged['message']).toBe('cannot read total');
    expect(logged['code']).toBe('E_TOTAL');
    expect(logged['stack']).toContain('TypeError: cannot read total');
  });

  it('writes nothing below the configured level', () => {
    const capture = captureLogs({ level: 'warn' });
    const logger = getLogger('Levels');
    logger.debug('debug line');
    logger.info('info line');
    logger.warn('warn line');
    logger.error('error line');

    expect(capture.records().map((r) => r.level)).toEqual(['warn', 'error']);
    expect(logger.isLevelEnabled('info')).toBe(false);
    expect(logger.isLevelEnabled('warn')).toBe(true);
  });

  it('writes a readable line in the pretty format, with the same redaction', () => {
    const capture = captureLogs({ format: 'pretty' });
    getLogger('Auth').warn('login failed', { email: 'ada@example.com', password: 'pretty-secret' });

    const line = capture.output().trim();
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}\[Auth\] login failed /);
    const extra = JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>;
    expect(extra['email']).toBe('a***@example.com');
    expect(extra['password']).toBe('[REDACTED]');
    expect(line).not.toContain('pretty-secret');
  });

  it('keeps a transport added by another library across configureLogging', () => {
    const extra = new LogCapture();
    captureLogs();
    const transport = new winston.transports.Stream({ stream: extra.stream });
    addTransport(transport);
    captureLogs({ level: 'info' });
    getLogger('Extra').info('to both');

    const [record] = extra.records();
    expect(record!.message).toBe('to both');
    expect(record!.service).toBe('logging-tests');
  });
});

describe('logger with an OpenTelemetry span', () => {
  const contextManager = new AsyncLocalStorageContextManager();
  beforeAll(() => {
    otelContext.setGlobalContextManager(contextManager.enable());
  });
  afterAll(() => {
    contextManager.disable();
    otelContext.disable();
  });

  it('adds the trace and span ids of the active span', () => {
    const capture = captureLogs();
    const spanContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    };
    otelContext.with(trace.setSpanContext(otelContext.active(), spanContext), () => {
      getLogger('Traced').info('inside a span');
    });
    getLogger('Traced').info('outside');

    const [inside, outside] = capture.records();
    expect(inside!.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(inside!.spanId).toBe('00f067aa0ba902b7');
    expect(outside!.traceId).toBeUndefined();
  });
});

describe('log files (LOG_DIR)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'logging-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes JSON lines to a daily file under LOG_DIR, and flushes them on closeLogging', async () => {
    const capture = new LogCapture();
    configureLogging({
      ...loggingOptionsFromEnv(
        { LOG_DIR: dir, LOG_RETENTION_DAYS: '3', LOG_FORMAT: 'pretty' },
        {
          service: 'file-test',
          version: '9.9.9',
        },
      ),
      stream: capture.stream,
    });
    const logger = getLogger('Files');
    logger.info('first line', { token: 'file-secret-token' });
    logger.warn('second line');
    await closeLogging();

    const files = (await readdir(dir)).filter((name) => name.endsWith('.log'));
    const today = new Date().toISOString().slice(0, 10);
    expect(files).toEqual([`file-test-${today}.log`]);
    const lines = (await readFile(path.join(dir, files[0]!), 'utf8')).trim().split('\n');
    // The console is pretty, the file is always JSON.
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r['message'])).toEqual(['first line', 'second line']);
    expect(records[0]!['service']).toBe('file-test');
    expect(records[0]!['token']).toBe('[REDACTED]');
    expect(records[1]!['level']).toBe('warn');
    expect(lines.join('\n')).not.toContain('file-secret-token');

    // Closed files no longer receive lines; the console still does.
    expect(currentLoggingOptions().dir).toBeUndefined();
    logger.info('after close');
    expect(capture.output()).toContain('after close');
  });

  it('refuses a folder it cannot write to with one clear message, and keeps logging as before', async () => {
    const capture = captureLogs();
    const notAFolder = path.join(dir, 'a-file');
    await writeFile(notAFolder, '');
    expect(() => configureLogging({ dir: path.join(notAFolder, 'logs') })).toThrow(
      `LOG_DIR "${path.join(notAFolder, 'logs')}" cannot be used: ENOTDIR`,
    );
    expect(currentLoggingOptions().dir).toBeUndefined();
    getLogger('Files').info('still logging');
    expect(capture.records().map((r) => r.message)).toEqual(['still logging']);
  });
});
