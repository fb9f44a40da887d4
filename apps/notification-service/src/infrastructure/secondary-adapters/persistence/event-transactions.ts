import type { EntityManager } from 'typeorm';
import type { EventTransaction } from '../../../application/ports/notification-queue.port.js';
import { PostgresNotificationQueue } from './postgres-notification-queue.js';
import { PostgresRecipientDirectory } from './postgres-recipient-directory.js';

/** The read models and the notifications on the consumer's transaction (the one that records the inbox row). */
export function eventTransaction(manager: EntityManager): EventTransaction {
  return { directory: new PostgresRecipientDirectory(manager), notifications: new PostgresNotificationQueue(manager) };
}
