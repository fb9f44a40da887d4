import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import { defineMetrics } from '@platform/monitoring';
import type { Clock } from '../../../application/ports/clock.port.js';
import type { ErasureRepository } from '../../../application/ports/erasure-repository.port.js';

function overdueDefinitions() {
  return defineMetrics({
    auth_erasures_overdue: {
      kind: 'gauge',
      help: 'Erasures past their confirmation deadline with a confirming service missing, counted in the database.',
    },
  });
}

/** How often the count is read again. */
export const ERASURES_OVERDUE_REFRESH_MS = 10_000;

/**
 * `auth_erasures_overdue`: erasures past ERASURE_CONFIRMATION_DEADLINE_MS that a service of
 * ERASURE_CONFIRMING_SERVICES has not confirmed, read from the database at start and every
 * `refreshMs` (every instance exports the same number: aggregate with max, not sum). An erasure
 * becomes overdue by time passing, not by an event, hence the polling. A failed read keeps the last
 * number.
 */
export class ErasuresOverdueGauge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly metrics = overdueDefinitions();
  private readonly log = getLogger('ErasuresOverdueGauge');
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly erasures: ErasureRepository,
    private readonly clock: Clock,
    private readonly confirmingServices: readonly string[],
    private readonly refreshMs = ERASURES_OVERDUE_REFRESH_MS,
  ) {}

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.inFlight;
  }

  /** Reads the count now (one read at a time). */
  refresh(): Promise<void> {
    this.inFlight ??= this.readOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async readOnce(): Promise<void> {
    if (this.stopped) return;
    let overdue: number;
    try {
      overdue = await this.erasures.countOverdue(this.clock.now(), this.confirmingServices);
    } catch (error) {
      // One warning per outage, not one per refresh; nothing during shutdown (the pool closes).
      if (!this.failing && !this.stopped)
        this.log.warn('could not count overdue erasures; the gauge keeps its value', { error });
      this.failing = true;
      return;
    }
    this.failing = false;
    this.metrics.set('auth_erasures_overdue', {}, overdue);
  }
}
