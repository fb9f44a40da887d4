import type { Outbox } from '@platform/messaging';
import type { EntityManager } from 'typeorm';
import type { ErasureTransaction } from '../../../application/ports/erasure.port.js';
import type { EventTransaction } from '../../../application/ports/notification-queue.port.js';
import { OutboxEventPublisher } from '../outbox/outbox-event-publisher.js';
import { PostgresNotificationQueue } from './postgres-notification-queue.js';
import { PostgresPersonalRecords } from './postgres-personal-records.js';
import { PostgresRecipientDirectory } from './postgres-recipient-directory.js';

/** The read models and the notifications on the consumer's transaction (the one that records the inbox row). */
export function eventTransaction(manager: EntityManager): EventTransaction {
  return { directory: new PostgresRecipientDirectory(manager), notifications: new PostgresNotificationQueue(manager) };
}

/** A person's records and the outbox on the consumer's transaction: erased and confirmed with its inbox row. */
export function erasureTransaction(manager: EntityManager, outbox: Outbox): ErasureTransaction {
  return { records: new PostgresPersonalRecords(manager), events: new OutboxEventPublisher(outbox, manager) };
}
