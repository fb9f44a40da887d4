import type { DisabledReason, WebhookEndpoint } from '../../domain/webhook-endpoint.js';
import type { AttemptOutcome } from '../../domain/webhook-attempt.js';

/** One HTTP attempt of a delivery, as the deliveries list shows it. */
export interface WebhookAttemptView {
  attempt: number;
  attemptedAt: Date;
  outcome: AttemptOutcome;
  responseStatus: number | null;
  latencyMs: number;
  /** The start of the answer's body (capped). */
  responseBody: string | null;
  error: string | null;
  /** When the attempt after this one was planned (null: none). */
  nextAttemptAt: Date | null;
}

/** A delivery of one event to one endpoint (a `notifications` row of channel `webhook`). */
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /** Newest first, at most the last 20. */
  attemptLog: WebhookAttemptView[];
}

/**
 * The endpoints of businesses and their deliveries, for the management routes. Secrets are given
 * and taken in plain text here and stored encrypted by the adapter; no method returns a stored secret.
 */
export interface WebhookEndpointRepository {
  /** The caller's role in the business (from the members read model), undefined when not a member. */
  roleOf(businessId: string, userId: string): Promise<string | undefined>;
  countOf(businessId: string): Promise<number>;
  insert(endpoint: WebhookEndpoint, secret: string): Promise<void>;
  find(businessId: string, endpointId: string): Promise<WebhookEndpoint | undefined>;
  /** Newest first, after `afterId` (the last id of the previous page). */
  list(businessId: string, limit: number, afterId?: string): Promise<WebhookEndpoint[]>;
  /** Saves url, description, events and the enabled state (and clears `failingSince` when it is null). */
  update(endpoint: WebhookEndpoint): Promise<void>;
  /** The new secret signs from now on; the current one keeps signing until `previousExpiresAt`. */
  rotateSecret(endpointId: string, secret: string, previousExpiresAt: Date): Promise<void>;
  /** Removes the endpoint and its attempts; its unsent deliveries fail. */
  remove(endpointId: string): Promise<void>;
  deliveries(endpointId: string, limit: number, afterId?: string): Promise<WebhookDeliveryView[]>;
  findDelivery(endpointId: string, deliveryId: string): Promise<WebhookDeliveryView | undefined>;
  /** Queues the delivery for one more attempt now; false while it is being sent. */
  requeue(deliveryId: string): Promise<boolean>;
}

/** Why a disable happened, for the endpoint's row. */
export type { DisabledReason };
