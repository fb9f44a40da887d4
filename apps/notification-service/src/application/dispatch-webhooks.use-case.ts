import { signStandardWebhook } from '@platform/identity';
import { getLogger } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';
import { isRetryable, outcomeOf, type AttemptOutcome } from '../domain/webhook-attempt.js';
import { signingSecrets, type DisabledReason, type WebhookEndpoint } from '../domain/webhook-endpoint.js';
import { nextAttemptDelay } from '../domain/webhook-retry-schedule.js';
import type { NotificationMetrics } from './ports/notification-telemetry.port.js';
import type {
  ClaimedWebhookDelivery,
  DisableTransaction,
  WebhookDeliveryStore,
} from './ports/webhook-deliveries.port.js';
import type { WebhookSender } from './ports/webhook-sender.port.js';
import type { WebhookMetrics } from './ports/webhook-telemetry.port.js';

/** How the dispatcher works; every duration in milliseconds. */
export interface DispatchWebhooksOptions {
  batchSize: number;
  /** Longer than the send timeout: a `sending` row older than this is a crashed sender's. */
  leaseMs: number;
  /** The delay before each attempt (the first usually 0); its length is the number of attempts. */
  schedule: readonly number[];
  /** The longest wait a `Retry-After` may ask for. */
  maxRetryAfterMs: number;
  /** An endpoint failing (no success at all) for this long is disabled. */
  disableAfterMs: number;
  now?: () => Date;
}

/**
 * Sends due webhook deliveries: claims them, signs each body with the endpoint's secret (and the
 * previous one during a rotation's overlap: several `v1,` signatures), sends, then records the
 * attempt. A failure is retried on the schedule (`Retry-After` lengthens a wait); 410 Gone
 * disables the endpoint at once; an endpoint failing for `disableAfterMs` is disabled too, and
 * the business owner gets an e-mail (queued in the disable's transaction).
 */
export class DispatchWebhooksUseCase {
  private readonly log = getLogger('WebhookDispatcher');

  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly sender: WebhookSender,
    private readonly notificationMetrics: NotificationMetrics,
    private readonly metrics: WebhookMetrics,
    private readonly options: DispatchWebhooksOptions,
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Claims the due deliveries for this instance (the dispatcher sends a claim's deliveries together). */
  claim(): Promise<ClaimedWebhookDelivery[]> {
    return this.store.claim(this.options.batchSize, this.options.leaseMs);
  }

  /** Signs and sends one claimed delivery, then records the attempt and what follows from it. */
  async deliver(delivery: ClaimedWebhookDelivery): Promise<void> {
    const { endpoint, secrets } = delivery;
    if (!endpoint || !secrets || !endpoint.enabled) {
      const reason = endpoint ? 'endpoint disabled' : 'endpoint deleted';
      await this.store.abandon(delivery.id, delivery.attempts, reason);
      this.counted(delivery, 'failed', { reason });
      return;
    }
    const body = JSON.stringify(delivery.message);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    // During a rotation's overlap both secrets sign: one `v1,` signature each.
    const signed = signStandardWebhook(signingSecrets(secrets, this.now()), { id: delivery.eventId, body, timestamp });
    const response = await this.sender.send({
      url: endpoint.url,
      body,
      headers: { 'content-type': 'application/json', ...signed },
    });
    const at = this.now();
    const outcome = outcomeOf(response);
    this.metrics.attempted(outcome, response.latencyMs / 1000);
    const delay = isRetryable(outcome)
      ? nextAttemptDelay(this.options.schedule, delivery.attempts, response.retryAfterMs, this.options.maxRetryAfterMs)
      : undefined;
    const status = outcome === 'delivered' ? 'sent' : delay === undefined ? 'failed' : 'retrying';
    const nextAttemptAt = delay === undefined ? null : new Date(at.getTime() + delay);
    await this.store.record({
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      attempt: delivery.attempts,
      at,
      outcome,
      responseStatus: response.status,
      latencyMs: Math.round(response.latencyMs),
      responseBody: response.body,
      error: response.error ?? (outcome === 'delivered' ? null : describe(outcome, response.status)),
      status,
      nextAttemptAt,
    });
    this.counted(delivery, status, { outcome, responseStatus: response.status, attempt: delivery.attempts });
    if (status === 'sent') {
      this.notificationMetrics.sentAfter(
        'webhook',
        delivery.type,
        (at.getTime() - delivery.occurredAt.getTime()) / 1000,
      );
      await this.store.noteSuccess(endpoint.id);
      return;
    }
    if (outcome === 'gone') {
      await this.disable(endpoint.id, 'gone', at);
      return;
    }
    const failingSince = await this.store.noteFailure(endpoint.id, at);
    if (at.getTime() - failingSince.getTime() >= this.options.disableAfterMs) {
      await this.disable(endpoint.id, 'failing', at);
    }
  }

  private async disable(endpointId: string, reason: DisabledReason, at: Date): Promise<void> {
    const disabled = await this.store.disable(endpointId, reason, at, (tx, endpoint) =>
      this.queueOwnerNotice(tx, endpoint, reason, at),
    );
    if (!disabled) return;
    this.metrics.disabled(reason);
    this.log.warn('webhook endpoint disabled', { endpointId, reason });
  }

  /** The business owner hears that the endpoint stopped receiving, and why. */
  private async queueOwnerNotice(
    tx: DisableTransaction,
    endpoint: WebhookEndpoint,
    reason: DisabledReason,
    at: Date,
  ): Promise<void> {
    const owner = await tx.directory.findOwner(endpoint.businessId);
    if (!owner) {
      this.log.warn("business owner's address unknown: no endpoint-disabled e-mail", {
        businessId: endpoint.businessId,
        endpointId: endpoint.id,
      });
      return;
    }
    const [queued] = await tx.notifications.queue([
      {
        id: uuidv7(),
        // The disable is the event: one notice per disable, never two for one.
        eventId: uuidv7(),
        eventType: 'notification.webhook-endpoint.disabled',
        occurredAt: at,
        channel: 'email',
        template: 'webhook-endpoint-disabled',
        category: 'transactional',
        recipient: owner.email,
        recipientName: owner.displayName,
        userId: owner.userId,
        businessId: endpoint.businessId,
        data: {
          ownerName: owner.displayName,
          url: endpoint.url,
          description: endpoint.description,
          gone: reason === 'gone',
          disabledAt: at.toISOString(),
        },
        status: 'queued',
        orderKey: null,
      },
    ]);
    if (queued) this.notificationMetrics.counted('email', 'webhook-endpoint-disabled', 'queued');
  }

  private counted(delivery: ClaimedWebhookDelivery, status: 'sent' | 'retrying' | 'failed', facts: object): void {
    this.notificationMetrics.counted('webhook', delivery.type, status);
    const line = {
      notificationId: delivery.id,
      eventId: delivery.eventId,
      channel: 'webhook',
      template: delivery.type,
      deliveryStatus: status,
      endpointId: delivery.endpoint?.id,
      ...facts,
    };
    if (status === 'failed') this.log.warn('notification failed', line);
    else this.log.info(`notification ${status}`, line);
  }
}

function describe(outcome: AttemptOutcome, status: number | null): string {
  if (outcome === 'redirect') return `redirect ${status} not followed`;
  if (outcome === 'gone') return '410 Gone: the endpoint is disabled';
  return `HTTP ${status}`;
}
