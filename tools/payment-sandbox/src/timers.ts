/**
 * Every timer the sandbox sets (retries, reorder holds, latency, held calls) in one place, so that
 * closing the sandbox cancels them all and nothing fires after `close()`.
 */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** Runs `task` after `ms`, unless cancelled or the sandbox closes first. */
  after(ms: number, task: () => void): NodeJS.Timeout | undefined {
    if (this.stopped) return undefined;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      task();
    }, ms);
    this.pending.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.pending.delete(timer);
  }

  /** Resolves after `ms`; never resolves once the sandbox is closed (its connection is gone by then). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => void this.after(ms, resolve));
  }

  get size(): number {
    return this.pending.size;
  }

  /** Cancels every timer and refuses new ones. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
