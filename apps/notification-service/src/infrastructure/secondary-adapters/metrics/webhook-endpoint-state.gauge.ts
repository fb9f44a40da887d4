import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import { defineMetrics } from '@platform/monitoring';
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
  private readonly log = getLogger('WebhookEndpointStateGauge');
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private again = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshMs = DEFAULT_REFRESH_MS,
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

  /** Reads the counts now; a call during a read makes one more read after it (the change may have missed it). */
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
    let rows: { enabled: boolean; reason: string | null; endpoints: number }[];
    try {
      rows = await this.dataSource.query(
        `SELECT enabled, disabled_reason AS reason, count(*)::int AS endpoints
           FROM webhook_endpoints GROUP BY enabled, disabled_reason`,
      );
    } catch (error) {
      // One warning per outage, not one per refresh; nothing during shutdown (the pool closes).
      if (!this.failing && !this.stopped)
        this.log.warn('could not count webhook endpoints; the gauge keeps its values', { error });
      this.failing = true;
      return;
    }
    this.failing = false;
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
