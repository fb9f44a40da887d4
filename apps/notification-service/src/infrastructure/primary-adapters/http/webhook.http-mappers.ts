import type { WebhookDeliveryResponse, WebhookEndpointResponse } from '@platform/contracts';
import type { Identity } from '@platform/identity';
import type { WebhookDeliveryView } from '../../../application/ports/webhook-endpoints.port.js';
import type { Page } from '../../../application/page-cursor.js';
import type { Actor } from '../../../application/webhook-access.js';
import type { WebhookEndpoint } from '../../../domain/webhook-endpoint.js';

// The bodies are the public contract (@platform/contracts); these map use-case results onto them.

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** The caller as the use cases see it: the user the gateway signed for. */
export const toActor = (identity: Identity): Actor => ({ userId: identity.userId });

export function toEndpointResponse(endpoint: WebhookEndpoint): WebhookEndpointResponse {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: iso(endpoint.disabledAt),
    previousSecretExpiresAt: iso(endpoint.previousSecretExpiresAt),
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

export function toDeliveryResponse(delivery: WebhookDeliveryView): WebhookDeliveryResponse {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    deliveredAt: iso(delivery.deliveredAt),
    createdAt: delivery.createdAt.toISOString(),
    attemptLog: delivery.attemptLog.map((a) => ({
      attempt: a.attempt,
      attemptedAt: a.attemptedAt.toISOString(),
      outcome: a.outcome,
      responseStatus: a.responseStatus,
      latencyMs: a.latencyMs,
      responseBody: a.responseBody,
      error: a.error,
      nextAttemptAt: iso(a.nextAttemptAt),
    })),
  };
}

/** A page as every list answers it: `nextCursor` null on the last page. */
export function toPageResponse<T, R>(page: Page<T>, map: (item: T) => R): { items: R[]; nextCursor: string | null } {
  return { items: page.items.map(map), nextCursor: page.nextCursor ?? null };
}
