import { WEBHOOK_MANAGER_ROLES } from '../domain/webhook-endpoint.js';
import {
  InvalidWebhookCursorError,
  WebhookBusinessNotFoundError,
  WebhookForbiddenError,
} from '../domain/webhook.errors.js';
import { decodeCursor, isUuid } from './page-cursor.js';
import type { WebhookEndpointRepository } from './ports/webhook-endpoints.port.js';

/** The user a request acts for: the identity the gateway signed. */
export interface Actor {
  userId: string;
}

/**
 * The tenant check of every webhook route, as in the business-service: not a member (membership
 * from business.business.created / business.member.added|role-changed|removed; a removed member is
 * none) is a 404, the same as a business that does not exist; a member who is neither owner nor
 * admin (a demoted admin included) is a 403.
 */
export async function requireWebhookManager(
  endpoints: WebhookEndpointRepository,
  actor: Actor,
  businessId: string,
): Promise<void> {
  const role = isUuid(businessId) ? await endpoints.roleOf(businessId, actor.userId) : undefined;
  if (!role) throw new WebhookBusinessNotFoundError(businessId);
  if (!WEBHOOK_MANAGER_ROLES.includes(role)) throw new WebhookForbiddenError({ businessId, role });
}

/** The id a webhook list's cursor continues after; InvalidWebhookCursorError for one this service did not give. */
export const idOfCursor = (cursor: string | undefined): string | undefined =>
  decodeCursor(cursor, () => new InvalidWebhookCursorError());
