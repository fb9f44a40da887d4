import { WEBHOOK_MANAGER_ROLES } from '../domain/webhook-endpoint.js';
import {
  InvalidWebhookCursorError,
  WebhookBusinessNotFoundError,
  WebhookForbiddenError,
} from '../domain/webhook.errors.js';
import type { WebhookEndpointRepository } from './ports/webhook-endpoints.port.js';

/** The user a request acts for: the identity the gateway signed. */
export interface Actor {
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in text form (path ids that are not are a 404, as an unknown id). */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The tenant check of every webhook route, as in the business-service: not a member (membership
 * from business.business.created / business.member.added) is a 404, the same as a business that
 * does not exist; a member who is neither owner nor admin is a 403.
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

/** A page of a list: `nextCursor` undefined on the last. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The cursor after `lastId`. */
export const cursorAfter = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

/** The id a cursor continues after; InvalidWebhookCursorError for one this service did not give. */
export function idOfCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw new InvalidWebhookCursorError();
  return id;
}

/** One page from `limit + 1` rows: the extra row says there is a next page. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, nextCursor: cursorAfter(last.id) } : { items };
}
