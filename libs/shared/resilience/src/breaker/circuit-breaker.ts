import { getLogger } from '@platform/logging';
import {
  BulkheadFullError,
  CircuitOpenError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '@platform/validation';
import Opossum from 'opossum';
import { forgetBreaker, recordEvent, recordState } from './breaker-metrics.js';
import { Bulkhead } from './bulkhead.js';
import {
  resolveBreakerOptions,
  type CircuitBreakerOptions,
  type ResolvedBreakerOptions,
} from './circuit-breaker-options.js';

/** The state of a circuit: calls pass, one trial call passes, or calls fail fast. */
export type CircuitState = 'closed' | 'half_open' | 'open';

/** Options of one call through a breaker. */
export interface ExecuteOptions<T> {
  /** Overrides the breaker's time limit for this call. */
  timeoutMs?: number | false;
  /** The caller's own signal; the task's signal aborts with it. */
  signal?: AbortSignal;
  /** Answers instead of failing: called with the typed error (open circuit, timeout, bulkhead, failure). */
  fallback?: (error: unknown) => T | Promise<T>;
}

/** The work a breaker guards: it receives a signal that aborts on timeout. */
export type BreakerTask<T> = (signal: AbortSignal) => Promise<T>;

type Run = () => Promise<unknown>;

const logger = getLogger('CircuitBreaker');

/**
 * A named circuit breaker (opossum underneath) with a per-call timeout and a bulkhead. Made by
 * `circuitBreaker(name)` and shared by every call to the same dependency: a breaker per call
 * would never see enough failures to open.
 */
export class CircuitBreaker {
  private readonly opossum: Opossum<[Run], unknown>;
  private readonly bulkhead: Bulkhead;
  private readonly options: ResolvedBreakerOptions;
  private openedAt = 0;

  constructor(
    readonly name: string,
    options?: CircuitBreakerOptions,
  ) {
    this.options = resolveBreakerOptions(options);
    this.bulkhead = new Bulkhead(this.options.maxConcurrent);
    this.opossum = new Opossum((run: Run) => run(), {
      name,
      // Timeouts are ours, per call: opossum's single AbortController would abort every call in
      // flight at the first timeout, and its own timer does not abort anything without one.
      timeout: false,
      resetTimeout: this.options.resetTimeoutMs,
      errorThresholdPercentage: this.options.errorThresholdPercentage,
      volumeThreshold: this.options.volumeThreshold,
      rollingCountTimeout: this.options.rollingWindowMs,
      rollingCountBuckets: this.options.rollingBuckets,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      errorFilter: (error: unknown) => !this.options.isFailure(error),
    });
    this.listen();
    recordState(name, 'closed');
  }

  /** The current state of the circuit. */
  get state(): CircuitState {
    if (this.opossum.opened) return 'open';
    return this.opossum.halfOpen ? 'half_open' : 'closed';
  }

  /** Calls holding a bulkhead slot right now. */
  get inFlight(): number {
    return this.bulkhead.inFlight;
  }

  /**
   * Runs `task` through the breaker. Throws CircuitOpenError while the circuit is open,
   * BulkheadFullError beyond `maxConcurrent` calls, UpstreamTimeoutError after `timeoutMs`,
   * else the task's own error; with a `fallback`, answers with it instead.
   */
  async execute<T>(task: BreakerTask<T>, options: ExecuteOptions<T> = {}): Promise<T> {
    try {
      return await this.guarded(task, options);
    } catch (error) {
      if (!options.fallback) throw error;
      recordEvent(this.name, 'fallback');
      return options.fallback(error);
    }
  }

  /** Stops the breaker's timers; later calls fail. For shutdown and tests. */
  shutdown(): void {
    this.opossum.shutdown();
    forgetBreaker(this.name);
  }

  private async guarded<T>(task: BreakerTask<T>, options: ExecuteOptions<T>): Promise<T> {
    if (!this.bulkhead.tryAcquire()) {
      recordEvent(this.name, 'bulkhead_rejected');
      throw new BulkheadFullError(this.name, this.bulkhead.limit);
    }
    let settled: Promise<unknown> = Promise.resolve();
    try {
      return (await this.opossum.fire(() => {
        const call = this.withTimeout(task, options);
        settled = call.settled;
        return call.result;
      })) as T;
    } catch (error) {
      throw this.translate(error);
    } finally {
      // The slot is free when the task is, not when we stopped waiting for it.
      void settled.then(() => this.bulkhead.release());
    }
  }

  private withTimeout<T>(
    task: BreakerTask<T>,
    options: ExecuteOptions<T>,
  ): { result: Promise<T>; settled: Promise<unknown> } {
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([controller.signal, options.signal]) : controller.signal;
    const running = Promise.resolve().then(() => task(signal));
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    if (timeoutMs === false) return { result: running, settled };

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new UpstreamTimeoutError(this.name, timeoutMs);
        recordEvent(this.name, 'timeout');
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    return { result: Promise.race([running, timedOut]).finally(() => clearTimeout(timer)), settled };
  }

  /** Opossum's own rejections become the platform's typed errors. */
  private translate(error: unknown): unknown {
    if (!(error instanceof Error) || !Opossum.isOurError(error)) return error;
    const code = (error as { code?: string }).code;
    if (code === 'EOPENBREAKER') {
      const remainingMs = this.options.resetTimeoutMs - (Date.now() - this.openedAt);
      return new CircuitOpenError(this.name, Math.ceil(remainingMs / 1000));
    }
    return new UpstreamUnavailableError(this.name, `circuit breaker ${this.name}: ${error.message}`, { cause: error });
  }

  private listen(): void {
    const breaker = this.opossum;
    breaker.on('success', () => recordEvent(this.name, 'success'));
    breaker.on('failure', () => recordEvent(this.name, 'failure'));
    breaker.on('reject', () => recordEvent(this.name, 'reject'));
    breaker.on('open', () => {
      this.openedAt = Date.now();
      recordState(this.name, 'open');
      recordEvent(this.name, 'open');
      logger.warn(`circuit breaker ${this.name} opened`, {
        breaker: this.name,
        state: 'open',
        resetTimeoutMs: this.options.resetTimeoutMs,
      });
    });
    breaker.on('halfOpen', () => {
      recordState(this.name, 'half_open');
      recordEvent(this.name, 'half_open');
      logger.info(`circuit breaker ${this.name} half-open: letting one call through`, {
        breaker: this.name,
        state: 'half_open',
      });
    });
    breaker.on('close', () => {
      this.clearWindow();
      recordState(this.name, 'closed');
      recordEvent(this.name, 'close');
      logger.info(`circuit breaker ${this.name} closed`, { breaker: this.name, state: 'closed' });
    });
  }

  /**
   * Opossum keeps the failures that opened the circuit in its rolling window after it closes:
   * with a reset timeout shorter than the window, the first failure after recovery opens it
   * again at once. Rotating every bucket out gives the closed circuit a fresh window.
   */
  private clearWindow(): void {
    const status = this.opossum.status as unknown as { rotateBucket?: () => void };
    for (let i = 0; i < this.options.rollingBuckets; i++) status.rotateBucket?.();
  }
}
