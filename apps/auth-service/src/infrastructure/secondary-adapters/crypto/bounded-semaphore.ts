/** Thrown by {@link BoundedSemaphore.run} when every permit is taken and the queue is full. */
export class SemaphoreQueueFullError extends Error {
  constructor(
    readonly maxConcurrent: number,
    readonly maxQueued: number,
  ) {
    super(`all ${maxConcurrent} permits taken and ${maxQueued} callers already waiting`);
    this.name = 'SemaphoreQueueFullError';
  }
}

/**
 * At most `maxConcurrent` tasks run at once; up to `maxQueued` more wait in arrival order, and any
 * caller beyond that is refused at once instead of piling up. A refusal is cheap and immediate,
 * which is the point: under a flood the caller answers "busy" rather than queueing without end.
 */
export class BoundedSemaphore {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueued: number,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`maxConcurrent must be an integer >= 1, got ${maxConcurrent}`);
    }
    if (!Number.isInteger(maxQueued) || maxQueued < 0) {
      throw new RangeError(`maxQueued must be an integer >= 0, got ${maxQueued}`);
    }
  }

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Callers waiting for a permit now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once a permit is free; rejects with {@link SemaphoreQueueFullError} without running it when full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) {
      return Promise.reject(new SemaphoreQueueFullError(this.maxConcurrent, this.maxQueued));
    }
    // The permit passes straight from the releasing task to the next waiter: `running` stays put.
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
