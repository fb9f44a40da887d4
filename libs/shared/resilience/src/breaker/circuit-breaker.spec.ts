import { uniqueName } from '@platform/infra/testing';
import {
  BulkheadFullError,
  CircuitOpenError,
  DomainError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
} from '@platform/validation';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '../../test/deferred.js';
import { captureLogs } from '@platform/logging/testing';
import { metricValue } from '../../test/metrics.js';
import { circuitBreaker, shutdownCircuitBreakers } from './breaker-registry.js';
import type { CircuitBreakerOptions } from './circuit-breaker-options.js';

const down = () => Promise.reject(new Error('connection refused'));
const up = () => Promise.resolve('ok');

function state(breaker: string): Promise<number> {
  return metricValue('circuit_breaker_state', { breaker });
}

function events(breaker: string, event: string): Promise<number> {
  return metricValue('circuit_breaker_events_total', { breaker, event });
}

describe('circuit breaker', () => {
  const logs = captureLogs({ level: 'debug' });
  let name: string;

  function breaker(options: CircuitBreakerOptions = {}) {
    return circuitBreaker(name, {
      volumeThreshold: 2,
      errorThresholdPercentage: 50,
      resetTimeoutMs: 10_000,
      timeoutMs: false,
      ...options,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    name = uniqueName('breaker');
    logs.clear();
  });

  afterEach(() => {
    shutdownCircuitBreakers();
    vi.useRealTimers();
  });

  it('is made once per name and shared', () => {
    expect(circuitBreaker(name)).toBe(circuitBreaker(name, { maxConcurrent: 1 }));
  });

  it('opens after failures, fails fast with CircuitOpenError and Retry-After, half-opens, and closes on success', async () => {
    const guarded = breaker();
    expect(guarded.state).toBe('closed');
    expect(await state(name)).toBe(0);

    await expect(guarded.execute(down)).rejects.toThrow('connection refused');
    expect(guarded.state).toBe('closed'); // below the volume threshold
    await expect(guarded.execute(down)).rejects.toThrow('connection refused');
    expect(guarded.state).toBe('open');
    expect(await state(name)).toBe(2);

    const task = vi.fn(up);
    const rejected = await guarded.execute(task).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(CircuitOpenError);
    expect(rejected).toMatchObject({ dependency: name, status: 503, retryAfterSeconds: 10 });
    expect(task).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(4_000);
    await expect(guarded.execute(task)).rejects.toMatchObject({ retryAfterSeconds: 6 });

    await vi.advanceTimersByTimeAsync(6_000);
    expect(guarded.state).toBe('half_open');
    expect(await state(name)).toBe(1);

    await expect(guarded.execute(task)).resolves.toBe('ok');
    expect(task).toHaveBeenCalledTimes(1);
    expect(guarded.state).toBe('closed');
    expect(await state(name)).toBe(0);

    expect(await events(name, 'failure')).toBe(2);
    expect(await events(name, 'reject')).toBe(2);
    expect(await events(name, 'open')).toBe(1);
    expect(await events(name, 'half_open')).toBe(1);
    expect(await events(name, 'close')).toBe(1);
    expect(await events(name, 'success')).toBe(1);

    const changes = logs.records().filter((record) => record.context === 'CircuitBreaker');
    expect(changes.map((record) => [record.level, record['state']])).toEqual([
      ['warn', 'open'],
      ['info', 'half_open'],
      ['info', 'closed'],
    ]);
    expect(changes[0]).toMatchObject({ breaker: name, resetTimeoutMs: 10_000 });
  });

  it('lets a single trial call through when half-open, and opens again when it fails', async () => {
    const guarded = breaker();
    await guarded.execute(down).catch(() => undefined);
    await guarded.execute(down).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(guarded.state).toBe('half_open');

    const trial = deferred<string>();
    const first = guarded.execute(() => trial.promise);
    await expect(guarded.execute(up)).rejects.toBeInstanceOf(CircuitOpenError); // the trial is in flight
    trial.reject(new Error('still down'));
    await expect(first).rejects.toThrow('still down');
    expect(guarded.state).toBe('open');
    await expect(guarded.execute(up)).rejects.toMatchObject({ retryAfterSeconds: 10 });
    expect(await events(name, 'open')).toBe(2);
  });

  it('gives a closed circuit a fresh window: the failures that opened it do not open it again', async () => {
    // A reset timeout shorter than the rolling window: the failures are still in the window on closing.
    const guarded = breaker({ resetTimeoutMs: 2_000, rollingWindowMs: 10_000 });
    await guarded.execute(down).catch(() => undefined);
    await guarded.execute(down).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(2_000);
    await guarded.execute(up);
    expect(guarded.state).toBe('closed');

    await guarded.execute(down).catch(() => undefined);
    expect(guarded.state).toBe('closed');
  });

  it('does not count answers as failures: domain errors and upstream 4xx', async () => {
    const guarded = breaker();
    for (let i = 0; i < 5; i++) {
      await expect(
        guarded.execute(() => Promise.reject(new DomainError('USER.NOT_FOUND', 'not_found', 'no'))),
      ).rejects.toThrow('no');
      await expect(guarded.execute(() => Promise.reject(new UpstreamRejectedError(name, 404)))).rejects.toBeInstanceOf(
        UpstreamRejectedError,
      );
    }
    expect(guarded.state).toBe('closed');
    expect(await events(name, 'failure')).toBe(0);
  });

  it('times a call out, aborting its signal, and counts the timeout as a failure', async () => {
    const guarded = breaker({ timeoutMs: 1_000, volumeThreshold: 1 });
    let signal: AbortSignal | undefined;
    const call = guarded
      .execute(
        (s) =>
          new Promise<string>((_, reject) => {
            signal = s;
            s.addEventListener('abort', () => reject(s.reason));
          }),
      )
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await call;
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ dependency: name, timeoutMs: 1_000, status: 504 });
    expect(signal?.aborted).toBe(true);
    expect(guarded.state).toBe('open');
    expect(await events(name, 'timeout')).toBe(1);
  });

  it('rejects calls beyond the bulkhead limit, and frees a slot only when its call really ends', async () => {
    const guarded = breaker({ maxConcurrent: 2, timeoutMs: 500 });
    const first = deferred<string>();
    const second = deferred<string>();
    const running = [
      guarded.execute(() => first.promise),
      guarded.execute(() => second.promise).catch((e: unknown) => e),
    ];
    expect(guarded.inFlight).toBe(2);

    const rejected = await guarded.execute(up).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(BulkheadFullError);
    expect(rejected).toMatchObject({ dependency: name, limit: 2, status: 503, retryAfterSeconds: 1 });
    expect(await events(name, 'bulkhead_rejected')).toBe(1);

    first.resolve('done');
    await expect(running[0]).resolves.toBe('done');
    await vi.advanceTimersByTimeAsync(0);
    expect(guarded.inFlight).toBe(1);

    // the second call times out, but the work it started still holds its slot
    await vi.advanceTimersByTimeAsync(500);
    expect(await running[1]).toBeInstanceOf(UpstreamTimeoutError);
    expect(guarded.inFlight).toBe(1);
    second.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(guarded.inFlight).toBe(0);
    await expect(guarded.execute(up)).resolves.toBe('ok');
  });

  it('answers with the fallback, which receives the typed error', async () => {
    const guarded = breaker({ volumeThreshold: 1 });
    const seen: unknown[] = [];
    const fallback = (error: unknown) => {
      seen.push(error);
      return 'cached';
    };
    await expect(guarded.execute(down, { fallback })).resolves.toBe('cached');
    await expect(guarded.execute(up, { fallback })).resolves.toBe('cached');
    expect(seen[0]).toMatchObject({ message: 'connection refused' });
    expect(seen[1]).toBeInstanceOf(CircuitOpenError);
    expect(await events(name, 'fallback')).toBe(2);
  });
});
