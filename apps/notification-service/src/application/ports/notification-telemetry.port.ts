import type { Channel, NotificationStatus } from '../../domain/notification.js';

/** Metrics of notifications (bounded labels: channel, template, status). */
export interface NotificationMetrics {
  /** A notification reached `status`. */
  counted(channel: Channel, template: string, status: NotificationStatus): void;
  /** From the event's time to the send. */
  sentAfter(channel: Channel, template: string, seconds: number): void;
}
