import { getLogger } from '@platform/logging';
import { fullJitterDelay } from '@platform/resilience';

/** What a claim loop runs: claiming a batch of due items, and processing one of them. */
export interface ClaimLoopWork<T> {
  /**
   * Claims due items for this instance (e.g. `FOR UPDATE SKIP LOCKED` with a lease, so several
   * instances share the work and a crashed one's items come back). Empty: nothing due now.
   */
  claim(): Promise<readonly T[]>;
  /** Processes one claimed item, recording its outcome; a throw counts as a failed round. */
  process(item: T): Promise<void>;
}

/** How a claim loop paces itself; durations in milliseconds. */
export interface ClaimLoopOptions {
  /** Names the loop in logs. */
  name: string;
  /** The wait after a round that claimed nothing. */
  idleMs: number;
  /** The longest wait after failed rounds (full-jitter backoff from `idleMs`); default 30 s. */
  maxBackoffMs?: number;
  /** For tests: the backoff's randomness. */
  random?: () => number;
}

const DEFAULT_MAX_BACKOFF_MS = 30_000;

/**
 * Runs claim-and-process rounds in the background: the items of one claim are processed
 * together, the next round starts at once while rounds find work, after `idleMs` when one found
 * none, and later and later (jittered) while rounds fail. `stop` waits for the round in flight
 * and starts no other. One loop per dispatcher; the claim itself decides what is due.
 *
 * It lives here, not in a library, because only this service claims rows to deliver: the outbox
 * relay (`@platform/messaging`) also wakes on commits and locks per key, and `@platform/jobs`
 * runs on a schedule under an advisory lock. A second service with a claim loop moves it into one.
 */
export class ClaimLoop<T> {
  private readonly log: ReturnType<typeof getLogger>;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private consecutiveFailures = 0;

  constructor(
    private readonly work: ClaimLoopWork<T>,
    private readonly options: ClaimLoopOptions,
  ) {
    this.log = getLogger(options.name);
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    this.random = options.random ?? Math.random;
    for (const [name, value] of [
      ['idleMs', options.idleMs],
      ['maxBackoffMs', this.maxBackoffMs],
    ] as const) {
      if (!Number.isInteger(value) || value <= 0) {
        throw new RangeError(`ClaimLoop ${options.name}: ${name} must be a positive integer, received ${value}`);
      }
    }
  }

  /** Starts the first round at once; later calls do nothing. */
  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.schedule(0);
  }

  /** Stops: no round starts any more, and the one in flight is awaited. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    await this.round;
  }

  /**
   * One round: claims, processes the claimed items together, and returns how many were claimed.
   * Throws when the claim or the processing of an item failed (after every item has finished).
   */
  async runOnce(): Promise<number> {
    const claimed = await this.work.claim();
    const outcomes = await Promise.allSettled(claimed.map((item) => this.work.process(item)));
    const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure) => failure.reason),
        `${failures.length} of ${claimed.length} claimed items failed`,
      );
    }
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (this.state !== 'running') return;
    this.timer = setTimeout(() => {
      this.round = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      const claimed = await this.runOnce();
      if (this.consecutiveFailures > 0) {
        this.log.info('dispatch rounds succeed again', { failedRoundsBefore: this.consecutiveFailures });
        this.consecutiveFailures = 0;
      }
      this.schedule(claimed > 0 ? 0 : this.options.idleMs);
    } catch (error) {
      this.schedule(this.backOff(error));
    }
  }

  /** The wait after a failed round; the first failure of a streak is logged as an error, the rest at debug. */
  private backOff(error: unknown): number {
    this.consecutiveFailures += 1;
    const delayMs = Math.max(
      this.options.idleMs,
      fullJitterDelay(this.consecutiveFailures, this.options.idleMs, this.maxBackoffMs, this.random),
    );
    const level = this.consecutiveFailures === 1 ? 'error' : 'debug';
    const items = error instanceof AggregateError ? { failedItems: error.message } : {};
    this.log[level]('dispatch round failed; trying again', {
      failedRounds: this.consecutiveFailures,
      delayMs,
      ...items,
      error: error instanceof AggregateError ? error.errors[0] : error,
    });
    return delayMs;
  }
}
