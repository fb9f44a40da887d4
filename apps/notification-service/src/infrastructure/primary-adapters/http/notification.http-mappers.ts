import type { NotificationPageResponse, NotificationResponse } from '@platform/contracts';
import type { NotificationListRequest, NotificationPage } from '../../../application/list-notifications.use-case.js';
import type { NotificationView } from '../../../application/ports/notification-reads.port.js';
import type { ListNotificationsQuery } from '@platform/contracts';
import { maskEmail } from '../../../domain/email-address.js';

const DEFAULT_PAGE = 20;
const LAST_ERROR_LENGTH = 200;
const ADDRESS = /[^\s<>"',;:()[\]]+@[^\s<>"',;:()[\]]+/g;

/** The list request of a query string. */
export const toListRequest = (query: ListNotificationsQuery): NotificationListRequest => ({
  limit: query.limit ?? DEFAULT_PAGE,
  cursor: query.cursor,
  status: query.status,
  channel: query.channel,
});

/**
 * The last error as a client may read it: short, and with any address in it masked (SMTP
 * replies quote recipients: `550 5.1.1 <ada@example.com>: user unknown`).
 */
export function publicErrorOf(lastError: string | null): string | null {
  if (lastError === null) return null;
  const masked = lastError.replace(ADDRESS, (address) => maskEmail(address));
  return masked.length > LAST_ERROR_LENGTH ? `${masked.slice(0, LAST_ERROR_LENGTH - 1)}…` : masked;
}

export function toNotificationResponse(view: NotificationView): NotificationResponse {
  return {
    id: view.id,
    channel: view.channel,
    template: view.template,
    status: view.status,
    attempts: view.attempts,
    lastError: publicErrorOf(view.lastError),
    recipient: view.channel === 'email' ? maskEmail(view.recipient) : view.recipient,
    createdAt: view.createdAt.toISOString(),
    sentAt: view.sentAt === null ? null : view.sentAt.toISOString(),
  };
}

export const toNotificationPageResponse = (page: NotificationPage): NotificationPageResponse => ({
  items: page.items.map(toNotificationResponse),
  nextCursor: page.nextCursor ?? null,
});
