import { defineRetentionJob, type JobDefinition } from '@platform/jobs';
import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;

/** The keep periods of the notification-service's retention rules (README "Retention"). */
export interface NotificationRetentionSettings {
  RETENTION_EVERY_MS: number;
  RETENTION_NOTIFICATIONS_DAYS: number;
  RETENTION_WEBHOOK_ATTEMPTS_DAYS: number;
}

/**
 * The notification-service's tables that grow with every event: their rows past the keep period
 * are deleted in short batches on the shared runner. Read models, preferences, endpoints and
 * erasure tombstones are live data and kept.
 */
export function notificationRetentionJobs(
  dataSource: DataSource,
  settings: NotificationRetentionSettings,
): JobDefinition<unknown>[] {
  return [
    // Delivery records, once nothing more will happen to them (queued and retrying ones are kept).
    defineRetentionJob({
      name: 'retention-notifications',
      dataSource,
      table: 'notifications',
      olderThan: { column: 'created_at', keepMs: settings.RETENTION_NOTIFICATIONS_DAYS * DAY_MS },
      where: `status IN ('sent', 'failed', 'suppressed')`,
      everyMs: settings.RETENTION_EVERY_MS,
    }),
    // Attempts of webhook deliveries: for debugging an endpoint, shorter-lived than the delivery.
    defineRetentionJob({
      name: 'retention-webhook-attempts',
      dataSource,
      table: 'webhook_attempts',
      olderThan: { column: 'attempted_at', keepMs: settings.RETENTION_WEBHOOK_ATTEMPTS_DAYS * DAY_MS },
      everyMs: settings.RETENTION_EVERY_MS,
    }),
  ] as JobDefinition<unknown>[];
}
