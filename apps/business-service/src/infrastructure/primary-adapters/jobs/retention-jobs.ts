import { defineRetentionJob, type JobDefinition } from '@platform/jobs';
import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;

/** The keep periods of the business-service's retention rules (README "Retention"). */
export interface BusinessRetentionSettings {
  RETENTION_EVERY_MS: number;
  RETENTION_PAYMENT_PROVIDER_EVENTS_DAYS: number;
}

/**
 * The business-service's tables that grow with events rather than with its records: each one's
 * rows past the keep period are deleted in short batches on the shared runner. Invoices,
 * customers, payments and the rest are kept (legal record or live data).
 */
export function businessRetentionJobs(
  dataSource: DataSource,
  settings: BusinessRetentionSettings,
): JobDefinition<unknown>[] {
  return [
    // Provider webhooks received: the dedup key of a redelivery (providers retry for days, not months).
    defineRetentionJob({
      name: 'retention-payment-provider-events',
      dataSource,
      table: 'payment_provider_events',
      olderThan: { column: 'received_at', keepMs: settings.RETENTION_PAYMENT_PROVIDER_EVENTS_DAYS * DAY_MS },
      everyMs: settings.RETENTION_EVERY_MS,
    }),
  ] as JobDefinition<unknown>[];
}
