import type { DisabledReason, WebhookEndpoint } from '../../../domain/webhook-endpoint.js';
import type { WebhookEventType } from '../../../domain/webhook-event-types.js';

/** A row of webhook_endpoints (without the sealed secrets). */
export interface EndpointRow {
  id: string;
  business_id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabled_reason: DisabledReason | null;
  disabled_at: Date | null;
  failing_since: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns of EndpointRow, for SELECT lists (prefix e.g. `e.`). */
export const endpointColumns = (prefix = '') =>
  [
    'id',
    'business_id',
    'url',
    'description',
    'events',
    'enabled',
    'disabled_reason',
    'disabled_at',
    'failing_since',
    'previous_secret_expires_at',
    'created_at',
    'updated_at',
  ]
    .map((column) => `${prefix}${column}`)
    .join(', ');

const date = (value: Date | null) => (value === null ? null : new Date(value));

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    businessId: row.business_id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    disabledAt: date(row.disabled_at),
    failingSince: date(row.failing_since),
    previousSecretExpiresAt: date(row.previous_secret_expires_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
