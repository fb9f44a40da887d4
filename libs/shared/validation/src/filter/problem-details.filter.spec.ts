import 'reflect-metadata';
import { Body, Controller, ForbiddenException, Get, Module, Patch, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { lastValueFrom, isObservable } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '@platform/logging/testing';
import { startApp, type RunningApp } from '../../test/nest-app.js';
import {
  BulkheadFullError,
  CircuitOpenError,
  DomainError,
  InvalidUpstreamResponseError,
  ProblemDetailsFilter,
  setErrorReporter,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type ProblemDetails,
} from '../index.js';

class ItemDto {
  @IsString() sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

class OrderDto {
  @IsString() @IsNotEmpty() customer!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemDto) items!: ItemDto[];
}

class PatchDto {
  @IsOptional() @IsString() note?: string;
}

class PageQuery {
  @Type(() => Number) @IsInt() @Min(1) page!: number;
}

class UserAlreadyExistsError extends DomainError {
  constructor() {
    super('USER.ALREADY_EXISTS', 'conflict', 'A user with this e-mail already exists.', { details: { userId: 'u-1' } });
  }
}

@Controller()
class ProbeController {
  @Post('orders')
  create(@Body() order: OrderDto) {
    return { isDto: order instanceof OrderDto, firstItemIsDto: order.items[0] instanceof ItemDto };
  }

  @Patch('notes')
  patch(@Body() change: PatchDto) {
    return { isDto: change instanceof PatchDto, note: change?.note ?? null };
  }

  @Get('page')
  page(@Query() query: PageQuery) {
    return { page: query.page, type: typeof query.page };
  }

  @Get('users/duplicate')
  duplicate(): never {
    throw new UserAlreadyExistsError();
  }

  @Get('rules/overdraft')
  overdraft(): never {
    throw new DomainError('PAYMENT.INSUFFICIENT_FUNDS', 'business_rule', 'The balance does not cover this payment.');
  }

  @Get('rules/stale')
  stale(): never {
    throw new DomainError('INVOICE.VERSION_MISMATCH', 'precondition_failed', 'The invoice changed since you read it.');
  }

  @Get('rules/unconditional')
  unconditional(): never {
    throw new DomainError('INVOICE.PRECONDITION_REQUIRED', 'precondition_required', 'Send If-Match.');
  }

  @Get('rules/slow-down')
  slowDown(): never {
    throw new DomainError('AUTH.TOO_MANY_ATTEMPTS', 'rate_limited', 'Too many attempts.', { retryAfterSeconds: 2.2 });
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException('Only the owner may do this.');
  }

  @Get('boom')
  boom(): never {
    throw new Error('connect to postgres://admin:hunter2@db failed');
  }

  @Get('thrown-string')
  thrownString(): never {
    throw 'not an error';
  }

  @Get('upstream/timeout')
  upstreamTimeout(): never {
    throw new UpstreamTimeoutError('payments-api', 2000);
  }

  @Get('upstream/circuit')
  circuit(): never {
    throw new CircuitOpenError('payments-api', 17);
  }

  @Get('upstream/unavailable')
  unavailable(): never {
    throw new UpstreamUnavailableError('payments-api', 'payments-api answered 500 three times', {
      status: 502,
      upstreamStatus: 500,
    });
  }

  @Get('upstream/overloaded')
  overloaded(): never {
    throw new UpstreamUnavailableError('payments-api', 'payments-api answered 429', {
      upstreamStatus: 429,
      retryAfterSeconds: 30,
    });
  }

  @Get('upstream/invalid')
  invalid(): never {
    throw new InvalidUpstreamResponseError('payments-api', [
      { field: 'amount', message: 'amount must be an integer number', code: 'isInt' },
    ]);
  }

  @Get('upstream/rejected')
  rejected(): never {
    throw new UpstreamRejectedError('payments-api', 404, { title: 'Not Found' });
  }

  @Get('upstream/bulkhead')
  bulkhead(): never {
    throw new BulkheadFullError('payments-api', 10);
  }

  @Get('timeout')
  async timeout(): Promise<never> {
    throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Problem Details filter (real Nest app on Fastify)', () => {
  const logs = captureLogs({ level: 'debug' });
  const reported: Array<{ error: unknown; problem: ProblemDetails }> = [];
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(ProbeModule, {
      problemTypeBase: 'https://errors.example.test/',
      errorReporter: (error, { problem }) => {
        reported.push({ error, problem });
      },
    });
  });

  afterAll(async () => {
    setErrorReporter(undefined);
    await running.close();
  });

  afterEach(() => {
    logs.clear();
    reported.length = 0;
    delete process.env['NODE_ENV'];
  });

  async function call(path: string, init?: RequestInit): Promise<{ response: Response; body: ProblemDetails }> {
    const response = await fetch(`${running.url}${path}`, init);
    return { response, body: (await response.json()) as ProblemDetails };
  }

  function postJson(
    path: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ response: Response; body: ProblemDetails }> {
    return call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    });
  }

  describe('validation', () => {
    it('answers 400 with one entry per failed rule, nested fields by path', async () => {
      const { response, body } = await postJson('/orders?debug=secret', {
        customer: '',
        items: [
          { sku: 'a', quantity: 1 },
          { sku: 'b', quantity: 2 },
          { sku: 'c', quantity: 'three' },
        ],
        coupon: 'FREE',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json(;|$)/);
      expect(body).toEqual({
        type: 'https://errors.example.test/validation.failed',
        title: 'Validation failed',
        status: 400,
        detail: '3 fields are invalid.',
        instance: '/orders',
        code: 'VALIDATION.FAILED',
        correlationId: expect.any(String),
        timestamp: expect.stringMatching(ISO_TIMESTAMP),
        method: 'POST',
        errors: [
          { field: 'coupon', message: 'property coupon should not exist', code: 'whitelistValidation' },
          { field: 'customer', message: 'customer should not be empty', code: 'isNotEmpty' },
          { field: 'items[2].quantity', message: 'quantity must not be less than 1', code: 'min' },
          { field: 'items[2].quantity', message: 'quantity must be an integer number', code: 'isInt' },
        ],
      });
    });

    it('hands the handler DTO instances when the payload is valid', async () => {
      const response = await fetch(`${running.url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: 'c-1', items: [{ sku: 'a', quantity: 1 }] }),
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ isDto: true, firstItemIsDto: true });
    });

    it('refuses a body that is not a JSON object for a DTO, even one whose fields are all optional', async () => {
      for (const payload of [null, 7, 'text', [{ note: 'x' }]]) {
        const response = await fetch(`${running.url}/notes`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        });
        expect(response.status, JSON.stringify(payload)).toBe(400);
        expect(await response.json()).toMatchObject({ errors: [{ field: '(body)', code: 'isObject' }] });
      }
      const empty = await fetch(`${running.url}/notes`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await empty.json()).toEqual({ isDto: true, note: null });
    });

    it('validates and converts query parameters', async () => {
      const ok = await fetch(`${running.url}/page?page=3`);
      expect(await ok.json()).toEqual({ page: 3, type: 'number' });

      const { response, body } = await call('/page?page=0');
      expect(response.status).toBe(400);
      expect(body.errors).toEqual([{ field: 'page', message: 'page must not be less than 1', code: 'min' }]);
    });

    it('logs a 4xx at warn, without a stack, and does not report it', async () => {
      const { body } = await postJson('/orders', { customer: 'c', items: 'none' });
      const line = logs.records().find((record) => record.context === 'ProblemDetailsFilter');
      expect(line).toMatchObject({
        level: 'warn',
        status: 400,
        code: 'VALIDATION.FAILED',
        method: 'POST',
        path: '/orders',
      });
      expect(line!['correlationId']).toBe(body.correlationId);
      expect(JSON.stringify(line)).not.toContain('"stack"');
      expect(reported).toEqual([]);
    });
  });

  describe('domain errors', () => {
    it('keep their code and message; the kind picks the status', async () => {
      const { response, body } = await call('/users/duplicate');
      expect(response.status).toBe(409);
      expect(body).toEqual({
        type: 'https://errors.example.test/user.already-exists',
        title: 'Conflict',
        status: 409,
        detail: 'A user with this e-mail already exists.',
        instance: '/users/duplicate',
        code: 'USER.ALREADY_EXISTS',
        correlationId: expect.any(String),
        timestamp: expect.stringMatching(ISO_TIMESTAMP),
        method: 'GET',
      });
      const line = logs.records().find((record) => record.context === 'ProblemDetailsFilter');
      expect(line).toMatchObject({ level: 'warn', userId: 'u-1' });
    });

    it('answer a broken business rule with 422', async () => {
      const { response, body } = await call('/rules/overdraft');
      expect(response.status).toBe(422);
      expect(body).toMatchObject({
        title: 'Business rule violated',
        code: 'PAYMENT.INSUFFICIENT_FUNDS',
        detail: 'The balance does not cover this payment.',
      });
    });
  });

  describe('preconditions (If-Match)', () => {
    it('answer a stale version with 412 and a missing one with 428, keeping their codes', async () => {
      const stale = await call('/rules/stale');
      expect(stale.response.status).toBe(412);
      expect(stale.body).toMatchObject({ title: 'Precondition failed', code: 'INVOICE.VERSION_MISMATCH', status: 412 });
      const missing = await call('/rules/unconditional');
      expect(missing.response.status).toBe(428);
      expect(missing.body).toMatchObject({ code: 'INVOICE.PRECONDITION_REQUIRED', status: 428 });
    });
  });

  describe('rate limits', () => {
    it('answer a rate-limited domain error with 429 and a whole-second Retry-After', async () => {
      const { response, body } = await call('/rules/slow-down');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('3');
      expect(body).toMatchObject({ title: 'Too many requests', code: 'AUTH.TOO_MANY_ATTEMPTS', status: 429 });
    });
  });

  describe("Nest's own exceptions", () => {
    it('turn an unknown route into a 404 Problem', async () => {
      const { response, body } = await call('/no/such/route');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json(;|$)/);
      expect(body).toMatchObject({
        title: 'Not Found',
        status: 404,
        code: 'HTTP.NOT_FOUND',
        detail: 'Cannot GET /no/such/route',
        instance: '/no/such/route',
      });
    });

    it('turn an unreadable JSON body into a 400 Problem', async () => {
      const { response, body } = await call('/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"customer":',
      });
      expect(response.status).toBe(400);
      expect(body).toMatchObject({
        status: 400,
        code: 'HTTP.BAD_REQUEST',
        title: 'Bad Request',
        instance: '/orders',
        method: 'POST',
      });
    });

    it('keep the status and message of an HttpException', async () => {
      const { response, body } = await call('/forbidden');
      expect(response.status).toBe(403);
      expect(body).toMatchObject({ title: 'Forbidden', code: 'HTTP.FORBIDDEN', detail: 'Only the owner may do this.' });
    });
  });

  describe('unexpected errors', () => {
    it('answer 500 with a safe message, log at error with the stack, and are reported', async () => {
      const { response, body } = await call('/boom');
      expect(response.status).toBe(500);
      expect(body).toEqual({
        type: 'https://errors.example.test/internal.unexpected',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred.',
        instance: '/boom',
        code: 'INTERNAL.UNEXPECTED',
        correlationId: expect.any(String),
        timestamp: expect.stringMatching(ISO_TIMESTAMP),
        method: 'GET',
      });
      expect(JSON.stringify(body)).not.toContain('hunter2');

      const line = logs.records().find((record) => record.context === 'ProblemDetailsFilter');
      expect(line).toMatchObject({ level: 'error', status: 500, correlationId: body.correlationId });
      const loggedError = line!['error'] as { message: string; stack: string };
      expect(loggedError.stack).toContain('ProbeController.boom');
      expect(loggedError.message).not.toContain('hunter2');

      expect(reported).toHaveLength(1);
      expect((reported[0]!.error as Error).message).toContain('connect to postgres');
      expect(reported[0]!.problem.correlationId).toBe(body.correlationId);
    });

    it('show the stack only when NODE_ENV=development', async () => {
      process.env['NODE_ENV'] = 'production';
      expect((await call('/boom')).body).not.toHaveProperty('stack');
      process.env['NODE_ENV'] = 'development';
      expect((await call('/boom')).body.stack).toContain('ProbeController.boom');
    });

    it('answer a thrown non-error the same way', async () => {
      const { response, body } = await call('/thrown-string');
      expect(response.status).toBe(500);
      expect(body.code).toBe('INTERNAL.UNEXPECTED');
    });

    it('still answer when the error reporter throws', async () => {
      setErrorReporter(() => {
        throw new Error('reporter down');
      });
      const { response, body } = await call('/boom');
      expect(response.status).toBe(500);
      expect(body.code).toBe('INTERNAL.UNEXPECTED');
      expect(logs.records().some((record) => record.message === 'error reporter failed')).toBe(true);
      setErrorReporter((error, { problem }) => {
        reported.push({ error, problem });
      });
    });
  });

  describe('failed dependencies', () => {
    it('answer a timeout with 504', async () => {
      const { response, body } = await call('/upstream/timeout');
      expect(response.status).toBe(504);
      expect(body).toEqual({
        type: 'https://errors.example.test/upstream.timeout',
        title: 'Gateway Timeout',
        status: 504,
        detail: 'A service this request depends on did not answer in time.',
        instance: '/upstream/timeout',
        code: 'UPSTREAM.TIMEOUT',
        correlationId: expect.any(String),
        timestamp: expect.stringMatching(ISO_TIMESTAMP),
        method: 'GET',
        retryable: true,
      });
      expect(response.headers.get('retry-after')).toBeNull();
      const line = logs.records().find((record) => record.context === 'ProblemDetailsFilter');
      expect(line).toMatchObject({ level: 'error', dependency: 'payments-api' });
    });

    it('answer an open circuit with 503 and Retry-After', async () => {
      const { response, body } = await call('/upstream/circuit');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('17');
      expect(body).toMatchObject({ title: 'Service Unavailable', code: 'UPSTREAM.CIRCUIT_OPEN', retryable: true });
    });

    it('answer an upstream that kept failing with 502, and an overloaded one with 503 and its Retry-After', async () => {
      const failing = await call('/upstream/unavailable');
      expect(failing.response.status).toBe(502);
      expect(failing.body).toMatchObject({ title: 'Bad Gateway', code: 'UPSTREAM.UNAVAILABLE' });
      expect(failing.body).not.toHaveProperty('retryable');
      expect(logs.records().find((record) => record.context === 'ProblemDetailsFilter')).toMatchObject({
        upstreamStatus: 500,
      });

      const overloaded = await call('/upstream/overloaded');
      expect(overloaded.response.status).toBe(503);
      expect(overloaded.response.headers.get('retry-after')).toBe('30');
    });

    it('answer an invalid upstream body with 502 without exposing its field errors', async () => {
      const { response, body } = await call('/upstream/invalid');
      expect(response.status).toBe(502);
      expect(body).toMatchObject({
        code: 'UPSTREAM.INVALID_RESPONSE',
        detail: 'A service this request depends on answered with an invalid response.',
      });
      expect(body).not.toHaveProperty('errors');
      const line = logs.records().find((record) => record.context === 'ProblemDetailsFilter');
      expect(line!['upstreamErrors']).toEqual([
        { field: 'amount', message: 'amount must be an integer number', code: 'isInt' },
      ]);
    });

    it('answer an unhandled upstream rejection with 502 and a full bulkhead with 503', async () => {
      expect((await call('/upstream/rejected')).body).toMatchObject({ status: 502, code: 'UPSTREAM.REJECTED' });
      const full = await call('/upstream/bulkhead');
      expect(full.body).toMatchObject({ status: 503, code: 'UPSTREAM.BULKHEAD_FULL' });
      expect(full.response.headers.get('retry-after')).toBe('1');
    });

    it('answer a bare TimeoutError with 504', async () => {
      const { response, body } = await call('/timeout');
      expect(response.status).toBe(504);
      expect(body).toMatchObject({ code: 'REQUEST.TIMEOUT', title: 'Gateway Timeout' });
    });

    it('report every 5xx', async () => {
      await call('/upstream/timeout');
      await call('/upstream/circuit');
      expect(reported.map(({ problem }) => problem.status)).toEqual([504, 503]);
      expect(reported[0]!.error).toBeInstanceOf(UpstreamTimeoutError);
    });
  });

  describe('ids', () => {
    it('echoes a safe correlation id and takes the trace id from traceparent', async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const { response, body } = await call('/users/duplicate', {
        headers: { 'x-correlation-id': 'corr-123', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      expect(body.correlationId).toBe('corr-123');
      expect(body.traceId).toBe(traceId);
      expect(response.headers.get('x-correlation-id')).toBe('corr-123');
    });

    it('replaces an unsafe correlation id with a UUID v7', async () => {
      const { body } = await call('/users/duplicate', { headers: { 'x-correlation-id': 'evil"\\value with spaces' } });
      expect(body.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(body).not.toHaveProperty('traceId');
    });
  });
});

describe('Problem Details filter outside HTTP', () => {
  it('hands the error back to the transport untouched', async () => {
    const filter = new ProblemDetailsFilter({ httpAdapter: undefined } as never);
    const error = new Error('consumer failed');
    const result = filter.catch(error, { getType: () => 'rpc' } as never);
    expect(isObservable(result)).toBe(true);
    await expect(lastValueFrom(result!)).rejects.toBe(error);
  });
});
