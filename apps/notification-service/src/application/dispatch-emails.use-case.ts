import { getLogger } from '@platform/logging';
import { DeliveryFailure } from '../domain/delivery-failure.js';
import { maskEmail } from '../domain/email-address.js';
import type { ClaimedNotification } from '../domain/notification.js';
import { afterFailure, type RetryBudget } from '../domain/retry-budget.js';
import type { ClaimableNotifications } from './ports/claimable-notifications.port.js';
import type { EmailSender } from './ports/email-sender.port.js';
import type { NotificationMetrics } from './ports/notification-telemetry.port.js';
import type { TemplateRenderer } from './ports/template-renderer.port.js';
import { unsubscribeHeaders } from './unsubscribe-token.js';

/** What the dispatcher needs besides its ports. */
export interface DispatchSettings {
  batchSize: number;
  leaseMs: number;
  budget: RetryBudget;
  messageIdDomain: string;
  unsubscribe: { publicBaseUrl: string; signingKey: string };
}

/**
 * The e-mail dispatcher's work: claim due notifications, render and send each, record the
 * outcome. The claim commits before the send and the outcome after it, so a crash in between
 * leaves the row `sending` until its lease runs out and it is sent again: at-least-once, with the
 * same Message-ID, which receivers use to drop the repeat.
 */
export class DispatchEmailsUseCase {
  private readonly log = getLogger('DispatchEmails');

  constructor(
    private readonly store: ClaimableNotifications,
    private readonly renderer: TemplateRenderer,
    private readonly sender: EmailSender,
    private readonly metrics: NotificationMetrics,
    private readonly settings: DispatchSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Claims the due notifications for this instance (none while SMTP's circuit is open). The
   * dispatcher delivers a claim's notifications together: the pool bounds concurrency, and one
   * slow recipient does not hold the rest.
   */
  async claim(): Promise<ClaimedNotification[]> {
    if (!this.sender.accepting()) return [];
    return this.store.claim(this.settings.batchSize, this.settings.leaseMs);
  }

  /** Renders and sends one claimed notification, then records sent, retrying or failed. */
  async deliver(notification: ClaimedNotification): Promise<void> {
    const context = {
      notificationId: notification.id,
      eventId: notification.eventId,
      channel: notification.channel,
      template: notification.template,
      recipient: maskEmail(notification.recipient),
      attempt: notification.attempts,
    };
    try {
      const rendered = this.renderer.render(notification.template, {
        ...notification.data,
        recipientName: notification.recipientName,
      });
      await this.sender.send({
        messageId: `<${notification.id}@${this.settings.messageIdDomain}>`,
        to: { address: notification.recipient, name: notification.recipientName },
        ...rendered,
        headers:
          notification.category === 'transactional'
            ? {}
            : unsubscribeHeaders(this.settings.unsubscribe.publicBaseUrl, this.settings.unsubscribe.signingKey, {
                recipient: notification.recipient,
                category: notification.category,
              }),
        traceContext: notification.traceContext,
      });
    } catch (error) {
      await this.failed(notification, error, context);
      return;
    }
    const sentAt = this.now();
    await this.store.markSent(notification.id, notification.attempts, sentAt);
    this.metrics.counted('email', notification.template, 'sent');
    this.metrics.sentAfter(
      'email',
      notification.template,
      (sentAt.getTime() - notification.occurredAt.getTime()) / 1000,
    );
    this.log.info('notification sent', { ...context, deliveryStatus: 'sent' });
  }

  private async failed(notification: ClaimedNotification, error: unknown, context: Record<string, unknown>) {
    // Anything but a judged SMTP failure (a template bug, a breaker rejection) is retried like a transient one.
    const failure =
      error instanceof DeliveryFailure
        ? error
        : new DeliveryFailure('transient', (error as Error)?.message ?? String(error));
    const message = failure.message.slice(0, 1_000);
    const next = afterFailure(failure, notification.attempts, notification.createdAt, this.now(), this.settings.budget);
    if ('retryAt' in next) {
      await this.store.markRetrying(notification.id, notification.attempts, message, next.retryAt);
      this.metrics.counted('email', notification.template, 'retrying');
      this.log.warn('notification not sent: will retry', {
        ...context,
        deliveryStatus: 'retrying',
        retryAt: next.retryAt.toISOString(),
        error: message,
        ...(failure.replyCode && { smtpReplyCode: failure.replyCode }),
      });
    } else {
      await this.store.markFailed(notification.id, notification.attempts, message);
      this.metrics.counted('email', notification.template, 'failed');
      this.log.error('notification failed', {
        ...context,
        deliveryStatus: 'failed',
        reason: next.giveUp,
        error: message,
        ...(failure.replyCode && { smtpReplyCode: failure.replyCode }),
      });
    }
  }
}
