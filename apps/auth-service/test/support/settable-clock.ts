import type { Clock } from '../../src/application/ports/clock.port.js';

/**
 * The real time plus an offset a test moves forward, to reach the end of a throttling window or a
 * token's lifetime without waiting. Never moves back: other parts (the access-token issuer, the
 * database) keep the real time, and the two must not disagree about what came first.
 */
export class SettableClock implements Clock {
  private offsetMs = 0;
  private frozenAtMs?: number;

  now(): Date {
    return new Date((this.frozenAtMs ?? Date.now()) + this.offsetMs);
  }

  /** Stops the clock where it is: until `thaw`, only `advance` moves it (a test about short delays must not race them). */
  freeze(): void {
    this.frozenAtMs = Date.now();
  }

  /** Lets the clock run with the real time again (never behind where it stood). */
  thaw(): void {
    this.frozenAtMs = undefined;
  }

  /** Moves the clock `seconds` forward. */
  advance(seconds: number): void {
    if (!(seconds >= 0)) throw new RangeError(`a clock only moves forward, got ${seconds} s`);
    this.offsetMs += seconds * 1000;
  }
}
