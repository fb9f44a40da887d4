import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { defineMetrics, PeriodicReading } from '@platform/monitoring';
import type { DataSource } from 'typeorm';
import { DISABLED_REASONS } from '../../../domain/webhook-endpoint.js';

function endpointStateDefinitions() {
  return defineMetrics({
    notification_webhook_endpoints: {
      kind: 'gauge',
      help: 'Webhook endpoints by state (enabled, disabled) and why disabled (manual, gone: 410, failing: failing too long; none when enabled), counted in the database.',
      labelNames: ['state', 'reason'],
    },
  });
}

/** How often the counts are read again: changes made by other instances or the API show within it. */
const DEFAULT_REFRESH_MS = 5_000;

/**
 * `notification_webhook_endpoints{state,reason}`: the endpoints of every business by state, read
 * from the database (every instance exports the same numbers: aggregate with max, not sum). Read
 * at start, every `refreshMs`, and at once when this instance changes a state (`refresh`). A
 * failed read keeps the last numbers.
 */
export class WebhookEndpointStateGauge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly metrics = endpointStateDefinitions();
  private readonly reading: PeriodicReading;

  constructor(
    private readonly dataSource: DataSource,
    refreshMs = DEFAULT_REFRESH_MS,
  ) {
    this.reading = new PeriodicReading({ what: 'webhook endpoints', everyMs: refreshMs, read: () => this.read() });
  }

  onApplicationBootstrap(): void {
    this.reading.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.reading.stop();
  }

  /** Reads the counts now; a call during a read makes one more read after it (the change may have missed it). */
  refresh(): Promise<void> {
    return this.reading.refresh();
  }

  private async read(): Promise<void> {
    const rows: { enabled: boolean; reason: string | null; endpoints: number }[] = await this.dataSource.query(
      `SELECT enabled, disabled_reason AS reason, count(*)::int AS endpoints
         FROM webhook_endpoints GROUP BY enabled, disabled_reason`,
    );
    const disabled = new Map<string, number>(DISABLED_REASONS.map((reason) => [reason, 0]));
    let enabled = 0;
    for (const row of rows) {
      if (row.enabled) enabled += row.endpoints;
      // Only the owner disables without a recorded reason.
      else disabled.set(row.reason ?? 'manual', (disabled.get(row.reason ?? 'manual') ?? 0) + row.endpoints);
    }
    this.metrics.set('notification_webhook_endpoints', { state: 'enabled', reason: 'none' }, enabled);
    for (const [reason, endpoints] of disabled) {
      this.metrics.set('notification_webhook_endpoints', { state: 'disabled', reason }, endpoints);
    }
  }
}
