import { getLogger } from '@platform/logging';

export interface PeriodicReadingOptions {
  /** What is read, for the one warning per outage: "could not read <what>; the gauge keeps its values". */
  what: string;
  /** How often to read again: changes made by other instances show within it. */
  everyMs: number;
  /** Reads the source and sets the gauge; a throw keeps the gauge's last values. */
  read: () => Promise<void>;
}

/**
 * The lifecycle of a gauge counted in a database (or anything else that must be polled): read at
 * `start()`, every `everyMs`, and at once on `refresh()`; one read at a time, and a `refresh()`
 * during a read makes one more read after it (the change may have missed it). A failed read logs
 * one warning per outage, not one per period, and none after `stop()` (the pool is closing).
 * `stop()` waits for the read in flight.
 */
export class PeriodicReading {
  private readonly log = getLogger('PeriodicReading');
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private again = false;
  private stopped = false;
  private failing = false;

  constructor(private readonly options: PeriodicReadingOptions) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.inFlight;
  }

  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        await this.readOnce();
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async readOnce(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.options.read();
      this.failing = false;
    } catch (error) {
      if (!this.failing && !this.stopped)
        this.log.warn(`could not read ${this.options.what}; the gauge keeps its values`, { error });
      this.failing = true;
    }
  }
}
