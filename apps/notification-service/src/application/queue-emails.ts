import { getLogger } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';
import { maskEmail, normaliseEmail } from '../domain/email-address.js';
import type { Category, EmailTemplate, NewNotification } from '../domain/notification.js';
import type { EventFacts } from './event-facts.js';
import type { NotificationMetrics } from './ports/notification-telemetry.port.js';
import type { NotificationQueue } from './ports/notification-queue.port.js';

/** One e-mail an event asks for. */
export interface EmailRequest {
  template: EmailTemplate;
  category: Category;
  to: { email: string; name: string | null; userId?: string | null };
  businessId?: string | null;
  data: Record<string, unknown>;
}

const log = getLogger('QueueEmails');

/** What queueing needs besides the transaction: metrics, and how old an event may be to still notify. */
export interface QueuePolicy {
  metrics: NotificationMetrics;
  /** An event older than this makes no notification (a replay of old history sends nothing). */
  maxEventAgeMs: number;
  now?: () => Date;
}

/**
 * Queues the e-mails of one event in the consumer's transaction: one notification per recipient,
 * `suppressed` instead of `queued` for a reminder to a recipient who unsubscribed from reminders.
 * An event older than the policy's age (a new consumer group reading old history) queues nothing.
 */
export async function queueEmails(
  queue: NotificationQueue,
  policy: QueuePolicy,
  event: EventFacts,
  requests: readonly EmailRequest[],
): Promise<void> {
  const metrics = policy.metrics;
  const ageMs = (policy.now?.() ?? new Date()).getTime() - event.occurredAt.getTime();
  if (ageMs > policy.maxEventAgeMs) {
    if (requests.length > 0) {
      log.info('event too old to notify: nothing queued', {
        eventId: event.eventId,
        eventType: event.eventType,
        ageSeconds: Math.round(ageMs / 1000),
      });
    }
    return;
  }
  const notifications: NewNotification[] = [];
  for (const request of requests) {
    const recipient = normaliseEmail(request.to.email);
    const suppressed =
      request.category !== 'transactional' && (await queue.isUnsubscribed(recipient, request.category));
    notifications.push({
      id: uuidv7(),
      eventId: event.eventId,
      eventType: event.eventType,
      occurredAt: event.occurredAt,
      channel: 'email',
      template: request.template,
      category: request.category,
      recipient,
      recipientName: request.to.name,
      userId: request.to.userId ?? null,
      businessId: request.businessId ?? null,
      data: request.data,
      status: suppressed ? 'suppressed' : 'queued',
      orderKey: event.aggregateId,
    });
  }
  const inserted = await queue.queue(notifications);
  for (const notification of inserted) {
    metrics.counted('email', notification.template, notification.status);
    log.info(`notification ${notification.status}`, {
      notificationId: notification.id,
      eventId: event.eventId,
      channel: 'email',
      template: notification.template,
      deliveryStatus: notification.status,
      recipient: maskEmail(notification.recipient),
      ...(notification.businessId && { businessId: notification.businessId }),
    });
  }
  if (inserted.length < notifications.length) {
    log.info('event already notified: nothing queued twice', {
      eventId: event.eventId,
      skipped: notifications.length - inserted.length,
    });
  }
}
