import type { RecipientDirectory } from './recipient-directory.port.js';
import type { Category, NewNotification } from '../../domain/notification.js';

/**
 * Notifications written in the consumer's transaction. `queue` inserts each unless one with the
 * same (event id, recipient, channel) exists, so a redelivered event adds nothing, or it is for
 * an erased user (by `userId`), so nothing more reaches them; it returns the ones it inserted.
 */
export interface NotificationQueue {
  queue(notifications: readonly NewNotification[]): Promise<NewNotification[]>;
  /** True when `recipient` unsubscribed from `category` (one-click or preferences). */
  isUnsubscribed(recipient: string, category: Category): Promise<boolean>;
}

/** What a consumer's use case writes to: the read models and the notifications, in one transaction. */
export interface EventTransaction {
  directory: RecipientDirectory;
  notifications: NotificationQueue;
}
