import { randomBytes } from 'node:crypto';
import type { WebhookEventType } from './webhook-event-types.js';

/** Why an endpoint stopped receiving: its owner turned it off, it answered 410 Gone, or it kept failing. */
export const DISABLED_REASONS = ['manual', 'gone', 'failing'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/** A URL of a business that receives the events it subscribed to, signed with its secret. */
export interface WebhookEndpoint {
  id: string;
  businessId: string;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: DisabledReason | null;
  disabledAt: Date | null;
  /** Since when every attempt failed (null once one succeeds). */
  failingSince: Date | null;
  /** Until when the secret before the last rotation still signs (both are sent meanwhile). */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The roles of a business that may manage its webhook endpoints. */
export const WEBHOOK_MANAGER_ROLES: readonly string[] = ['owner', 'admin'];

/** Endpoints one business may have. */
export const MAX_ENDPOINTS_PER_BUSINESS = 20;

/** A new signing secret: `whsec_` + base64 of 24 random bytes, as Standard Webhooks libraries expect. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The secrets that sign a message now: the current one, and the previous one during its overlap. */
export function signingSecrets(
  secrets: { current: string; previous: string | null; previousExpiresAt: Date | null },
  now: Date,
): string[] {
  const overlapping =
    secrets.previous !== null && secrets.previousExpiresAt !== null && secrets.previousExpiresAt > now;
  return overlapping ? [secrets.current, secrets.previous as string] : [secrets.current];
}
