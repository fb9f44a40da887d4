import { MONITORING_ERROR_CODES, MonitoringError } from '../../errors.js';
import type { ReadinessCheck, ReadinessDetails } from '../readiness-check.js';

/** Options of {@link Heartbeat}. */
export interface HeartbeatOptions {
  /** Longest gap between two beats (or since start, before the first) before the job counts as stuck. */
  maxAgeMs: number;
  /** The clock, in epoch milliseconds; tests pass their own. */
  now?: () => number;
}

/**
 * A background job's sign of life, and the readiness check that watches it: the job calls
 * `beat()` each time it completes a round; readiness is down once the last beat is older than
 * `maxAgeMs`. Before the first beat, the age counts from the heartbeat's creation.
 */
export class Heartbeat implements ReadinessCheck {
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly createdAt: number;
  private lastBeat: number | undefined;

  constructor(
    readonly name: string,
    options: HeartbeatOptions,
  ) {
    if (!Number.isFinite(options.maxAgeMs) || options.maxAgeMs <= 0) {
      throw new MonitoringError(
        MONITORING_ERROR_CODES.invalidConfiguration,
        `heartbeat "${name}": maxAgeMs must be a positive number of milliseconds`,
      );
    }
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs;
    this.createdAt = this.now();
  }

  /** Records that the job is alive and making progress. */
  beat(): void {
    this.lastBeat = this.now();
  }

  /** Resolves with the age of the last beat, or rejects once it is older than `maxAgeMs`. */
  async check(): Promise<ReadinessDetails> {
    const ageMs = this.now() - (this.lastBeat ?? this.createdAt);
    if (ageMs > this.maxAgeMs) {
      throw new Error(
        this.lastBeat === undefined
          ? `no beat in the ${ageMs} ms since start (max ${this.maxAgeMs} ms)`
          : `last beat ${ageMs} ms ago (max ${this.maxAgeMs} ms)`,
      );
    }
    return {
      lastBeatAt: this.lastBeat === undefined ? null : new Date(this.lastBeat).toISOString(),
      ageMs,
      maxAgeMs: this.maxAgeMs,
    };
  }
}
