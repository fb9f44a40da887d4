import type { Clock } from '../../../application/ports/clock.port.js';

/** The machine's clock, in production. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
