import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { defineMetrics, PeriodicReading } from '@platform/monitoring';
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
  private readonly reading: PeriodicReading;

  constructor(
    private readonly erasures: ErasureRepository,
    private readonly clock: Clock,
    private readonly confirmingServices: readonly string[],
    refreshMs = ERASURES_OVERDUE_REFRESH_MS,
  ) {
    this.reading = new PeriodicReading({ what: 'overdue erasures', everyMs: refreshMs, read: () => this.read() });
  }

  onApplicationBootstrap(): void {
    this.reading.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.reading.stop();
  }

  /** Reads the count now. */
  refresh(): Promise<void> {
    return this.reading.refresh();
  }

  private async read(): Promise<void> {
    const overdue = await this.erasures.countOverdue(this.clock.now(), this.confirmingServices);
    this.metrics.set('auth_erasures_overdue', {}, overdue);
  }
}
