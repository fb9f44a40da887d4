import { CircuitOpenError, DomainError, UpstreamUnavailableError } from '@platform/validation';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '@platform/logging/testing';
import { retry, type RetryAttempt } from './retry.js';

function connectionReset(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/** An operation that fails `failures` times with `error()`, then answers 'ok'; it notes the fake clock of each attempt. */
function flaky(failures: number, error: () => unknown = connectionReset) {
  const started = Date.now();
  const times: number[] = [];
  const operation = vi.fn(async ({ attempt }: RetryAttempt) => {
    times.push(Date.now() - started);
    if (attempt <= failures) throw error();
    return 'ok';
  });
  return { operation, times };
}

/** A random source returning the given values in turn. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length]!;
}

describe('retry', () => {
  const logs = captureLogs({ level: 'debug' });

  beforeEach(() => {
    vi.useFakeTimers();
    logs.clear();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits a full-jitter exponential delay between attempts, capped at maxDelayMs', async () => {
    const { operation, times } = flaky(Infinity);
    const result = retry(operation, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 500,
      random: sequence(0.9, 0.1, 0.5, 0.99),
    });
    const outcome = result.catch((error: unknown) => error);

    // ceilings 100, 200, 400, 500 (capped) → delays 90, 20, 200, 495
    await vi.advanceTimersByTimeAsync(89);
    expect(operation).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(operation).toHaveBeenCalledTimes(2);
    await vi.runAllTimersAsync();

    expect(await outcome).toMatchObject({ code: 'ECONNRESET' });
    expect(times).toEqual([0, 90, 110, 310, 805]);
    const retries = logs.records().filter((record) => record.message.startsWith('retrying'));
    expect(retries.map((record) => [record['attempt'], record['nextAttempt'], record['delayMs']])).toEqual([
      [1, 2, 90],
      [2, 3, 20],
      [3, 4, 200],
      [4, 5, 495],
    ]);
    expect(retries[0]).toMatchObject({
      level: 'warn',
      maxAttempts: 5,
      error: { code: 'ECONNRESET', message: 'socket hang up' },
    });
    expect(logs.records().at(-1)).toMatchObject({ level: 'warn', attempt: 5, reason: 'attempts exhausted' });
  });

  it('returns the first success', async () => {
    const { operation, times } = flaky(2);
    const result = retry(operation, { baseDelayMs: 100, random: () => 0.5 });
    await vi.runAllTimersAsync();
    expect(await result).toBe('ok');
    expect(times).toEqual([0, 50, 150]);
  });

  it('does not retry an error that is not transient', async () => {
    for (const error of [
      new DomainError('USER.NOT_FOUND', 'not_found', 'gone'),
      new CircuitOpenError('payments', 5),
      new TypeError('bug'),
    ]) {
      const { operation } = flaky(Infinity, () => error);
      await expect(retry(operation)).rejects.toBe(error);
      expect(operation).toHaveBeenCalledTimes(1);
    }
  });

  it('honours a Retry-After as the least delay', async () => {
    const overloaded = () =>
      new UpstreamUnavailableError('payments', '429', { upstreamStatus: 429, retryAfterSeconds: 2 });
    const { operation, times } = flaky(1, overloaded);
    const result = retry(operation, { baseDelayMs: 100, maxDelayMs: 5_000, random: () => 0.5 });
    await vi.runAllTimersAsync();
    expect(await result).toBe('ok');
    expect(times).toEqual([0, 2_000]);
  });

  it('gives up at once when Retry-After asks for more than maxDelayMs', async () => {
    const error = new UpstreamUnavailableError('payments', '503', { upstreamStatus: 503, retryAfterSeconds: 120 });
    const { operation } = flaky(Infinity, () => error);
    await expect(retry(operation, { maxDelayMs: 5_000 })).rejects.toBe(error);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(logs.records().at(-1)).toMatchObject({ reason: 'Retry-After of 120000 ms exceeds 5000 ms' });
  });

  it('stops when the next wait would overrun the budget', async () => {
    const { operation, times } = flaky(Infinity);
    const outcome = retry(operation, { maxAttempts: 10, baseDelayMs: 100, budgetMs: 300, random: () => 0.99 }).catch(
      (e: unknown) => e,
    );
    await vi.runAllTimersAsync();
    expect(await outcome).toMatchObject({ code: 'ECONNRESET' });
    // delays 99 and 198; the next one (396) would end after the 300 ms budget
    expect(times).toEqual([0, 99, 297]);
    expect(logs.records().at(-1)).toMatchObject({ attempt: 3, reason: 'budget exhausted' });
  });

  it('aborts the running attempt when the budget runs out', async () => {
    let seen: AbortSignal | undefined;
    const operation = vi.fn(
      ({ signal }: RetryAttempt) =>
        new Promise<never>((_, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const outcome = retry(operation, { budgetMs: 1_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await outcome;
    expect(seen?.aborted).toBe(true);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it("stops waiting as soon as the caller's signal aborts", async () => {
    const { operation } = flaky(Infinity);
    const controller = new AbortController();
    const outcome = retry(operation, { baseDelayMs: 10_000, random: () => 0.5, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(1);
    controller.abort(new Error('client went away'));
    expect(await outcome).toMatchObject({ message: 'client went away' });
    expect(operation).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not start when the signal is already aborted', async () => {
    const { operation } = flaky(0);
    await expect(retry(operation, { signal: AbortSignal.abort(new Error('too late')) })).rejects.toThrow('too late');
    expect(operation).not.toHaveBeenCalled();
  });
});
