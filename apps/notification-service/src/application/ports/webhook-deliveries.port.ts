import type { NotificationQueue } from './notification-queue.port.js';
import type { RecipientDirectory } from './recipient-directory.port.js';
import type { AttemptOutcome } from '../../domain/webhook-attempt.js';
import type { DisabledReason, WebhookEndpoint } from '../../domain/webhook-endpoint.js';
import type { WebhookEventType } from '../../domain/webhook-event-types.js';

/** A Standard Webhooks message: what the receiver gets as the JSON body. */
export interface WebhookMessage {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/** A delivery to queue: one per (event, endpoint). */
export interface NewWebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  endpointId: string;
  businessId: string;
  message: WebhookMessage;
  /** The event's key: delivered to the endpoint only after every earlier delivery of the same key. */
  orderKey: string;
}

/** Deliveries written in the consumer's transaction; the (event, endpoint) key drops a repeat. */
export interface WebhookDeliveryQueue {
  /** Enabled endpoints of the business subscribed to `type`. */
  subscribers(businessId: string, type: WebhookEventType): Promise<{ id: string }[]>;
  /** Inserts each unless it exists; returns those inserted. */
  queue(deliveries: readonly NewWebhookDelivery[]): Promise<NewWebhookDelivery[]>;
}

/** A delivery the dispatcher claimed (status `sending`), with what it needs to send it. */
export interface ClaimedWebhookDelivery {
  id: string;
  eventId: string;
  type: string;
  occurredAt: Date;
  message: WebhookMessage;
  /** Including the one being made now. */
  attempts: number;
  endpoint: { id: string; businessId: string; url: string; enabled: boolean } | null;
  secrets: { current: string; previous: string | null; previousExpiresAt: Date | null } | null;
}

/** The record of one attempt and where it leaves the delivery. */
export interface AttemptRecord {
  deliveryId: string;
  endpointId: string;
  attempt: number;
  at: Date;
  outcome: AttemptOutcome;
  responseStatus: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  /** `sent`, `retrying` (with nextAttemptAt) or `failed`. */
  status: 'sent' | 'retrying' | 'failed';
  nextAttemptAt: Date | null;
}

/** What a disable may write in its transaction: the owner's notice e-mail. */
export interface DisableTransaction {
  directory: RecipientDirectory;
  notifications: NotificationQueue;
}

/**
 * The dispatcher's side: claims (FOR UPDATE SKIP LOCKED: two instances never claim one row; a
 * `sending` row whose lease ran out is a crashed sender's and is claimed again), attempt records
 * and the endpoint's health, each in a short transaction of its own.
 */
export interface WebhookDeliveryStore {
  claim(limit: number, leaseMs: number): Promise<ClaimedWebhookDelivery[]>;
  /** Records the attempt and moves the delivery to its new status (only if still claimed by this attempt). */
  record(attempt: AttemptRecord): Promise<void>;
  /** The delivery fails without an attempt (endpoint deleted or disabled). */
  abandon(deliveryId: string, attempts: number, reason: string): Promise<void>;
  /** A success: the endpoint is healthy again. */
  noteSuccess(endpointId: string): Promise<void>;
  /** A failure: since when the endpoint has been failing (set now when it was healthy). */
  noteFailure(endpointId: string, at: Date): Promise<Date>;
  /**
   * Disables an enabled endpoint and runs `andThen` in the same transaction; false (and `andThen`
   * not run) when it was disabled already, so the owner hears of it once.
   */
  disable(
    endpointId: string,
    reason: DisabledReason,
    at: Date,
    andThen: (tx: DisableTransaction, endpoint: WebhookEndpoint) => Promise<void>,
  ): Promise<boolean>;
}
