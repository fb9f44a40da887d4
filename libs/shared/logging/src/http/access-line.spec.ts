import { context as otelContext, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeRecord, type LogLevel } from '../log-record.js';
import { RequestContext, type ContextIds } from '../request-context.js';
import { ACCESS_LOG_CONTEXT, ACCESS_LOG_MESSAGE, accessLine, type AccessFields } from './access-line.js';

const identity = { service: 'access-line-tests', environment: 'test', version: '3.1.4' };

const fields: AccessFields = {
  method: 'GET',
  route: '/users/:id',
  path: '/users/8f3a?token=[REDACTED]&page=2',
  statusCode: 200,
  durationMs: 1.234,
  responseBytes: 512,
  databaseMs: 14.75,
  upstreamMs: 0,
};

/** The line the logger writes for the same record: what the serialiser must reproduce. */
function loggerLine(level: LogLevel, access: AccessFields): string {
  return JSON.stringify(shapeRecord(identity, level, ACCESS_LOG_MESSAGE, ACCESS_LOG_CONTEXT, { ...access }));
}

/** Both lines, made in the same millisecond (retried if the clock ticked between them). */
function bothLines(ids: ContextIds | undefined, level: LogLevel, access: AccessFields): [string | undefined, string] {
  const make = (): [string | undefined, string] => [accessLine(identity, level, access), loggerLine(level, access)];
  let lines = ids ? RequestContext.run(ids, make) : make();
  for (let tries = 0; tries < 3 && lines[0]?.slice(0, 40) !== lines[1].slice(0, 40); tries++) {
    lines = ids ? RequestContext.run(ids, make) : make();
  }
  return lines;
}

describe('access line serialiser', () => {
  const contextManager = new AsyncLocalStorageContextManager();
  beforeAll(() => {
    otelContext.setGlobalContextManager(contextManager.enable());
  });
  afterAll(() => {
    contextManager.disable();
    otelContext.disable();
  });

  const cases: [string, ContextIds | undefined, AccessFields][] = [
    ['a plain request', { requestId: 'r-1', correlationId: 'c-1' }, fields],
    ['no request context', undefined, fields],
    [
      'a 404 (no route) and a streamed reply (no size)',
      { requestId: 'r-2' },
      { ...fields, route: undefined, responseBytes: undefined },
    ],
    [
      'ids a client sent that look like secrets or personal data',
      {
        requestId: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
        correlationId: '4111111111111111',
        userId: 'u-7',
        customerName: 'Ada Lovelace',
        token: 'id-under-a-secret-key',
        skipped: undefined,
      },
      fields,
    ],
    [
      'a path and method that need masking and JSON escapes',
      { requestId: 'r-3' },
      { ...fields, method: 'PATCH', path: '/users/ada@example.com/"quoted"\\slash\u0001?card=4111 1111 1111 1111' },
    ],
    [
      'numbers that could be card numbers',
      { requestId: 'r-4' },
      { ...fields, responseBytes: 4111111111111111, durationMs: NaN },
    ],
  ];

  for (const [name, ids, access] of cases) {
    it(`writes the logger's own line for ${name}, at info and warn`, () => {
      for (const level of ['info', 'warn'] as const) {
        const [fast, generic] = bothLines(ids, level, access);
        expect(fast).toBe(generic);
      }
    });
  }

  it("carries the active span's trace and span ids, as the logger does", () => {
    const spanContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    };
    const [fast, generic] = otelContext.with(trace.setSpanContext(otelContext.active(), spanContext), () =>
      bothLines({ requestId: 'r-5' }, 'info', fields),
    );
    expect(fast).toBe(generic);
    expect(JSON.parse(fast!)).toMatchObject({ traceId: spanContext.traceId, spanId: spanContext.spanId });
  });

  it('masks what the logger masks', () => {
    const [fast] = bothLines({ requestId: 'r-6', correlationId: '4111111111111111' }, 'info', {
      ...fields,
      path: '/users/ada@example.com',
    });
    const line = JSON.parse(fast!) as Record<string, unknown>;
    expect(line['correlationId']).toBe('[REDACTED]');
    expect(line['path']).toBe('/users/a***@example.com');
  });

  it('leaves to the logger a line whose ids clash with its fields or would be reordered', () => {
    for (const ids of [{ message: 'x' }, { route: '/other' }, { '42': 'numeric key' }, { meta: 'x' }]) {
      expect(RequestContext.run(ids, () => accessLine(identity, 'info', fields))).toBeUndefined();
    }
  });
});
