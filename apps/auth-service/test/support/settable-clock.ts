import type { Clock } from '../../src/application/ports/clock.port.js';

/**
 * The real time plus an offset a test moves forward, to reach the end of a throttling window or a
 * token's lifetime without waiting. Never moves back: other parts (the access-token issuer, the
 * database) keep the real time, and the two must not disagree about what came first.
 */
export class SettableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock `seconds` forward. */
  advance(seconds: number): void {
    if (!(seconds >= 0)) throw new RangeError(`a clock only moves forward, got ${seconds} s`);
    this.offsetMs += seconds * 1000;
  }
}
