import type { Channel, NotificationStatus } from '../domain/notification.js';
import {
  InvalidNotificationCursorError,
  NotificationBusinessNotFoundError,
} from '../domain/notification-query.errors.js';
import { decodeCursor, isUuid, pageOf, type Page } from './page-cursor.js';
import type { NotificationFilter, NotificationReads, NotificationView } from './ports/notification-reads.port.js';

/** The user a request acts for: the identity the gateway signed. */
export interface Reader {
  userId: string;
}

/** What a list request asks for. */
export interface NotificationListRequest {
  limit: number;
  cursor?: string;
  status?: NotificationStatus;
  channel?: Channel;
}

/** One page, newest first; `nextCursor` undefined on the last. */
export type NotificationPage = Page<NotificationView>;

/**
 * `GET /v1/me/notifications` and `GET /v1/businesses/{id}/notifications`. A business's list is
 * for its owner and members only; for anyone else the business does not exist (404), as in the
 * business-service, so ids of other tenants cannot be probed.
 */
export class ListNotificationsUseCase {
  constructor(private readonly reads: NotificationReads) {}

  async mine(reader: Reader, request: NotificationListRequest): Promise<NotificationPage> {
    const rows = await this.reads.listForUser(reader.userId, filterOf(request));
    return pageOf(rows, request.limit);
  }

  async ofBusiness(reader: Reader, businessId: string, request: NotificationListRequest): Promise<NotificationPage> {
    if (!isUuid(businessId) || !(await this.reads.isMemberOf(businessId, reader.userId))) {
      throw new NotificationBusinessNotFoundError(businessId);
    }
    const rows = await this.reads.listForBusiness(businessId, filterOf(request));
    return pageOf(rows, request.limit);
  }
}

function filterOf(request: NotificationListRequest): NotificationFilter {
  return {
    status: request.status,
    channel: request.channel,
    afterId: decodeCursor(request.cursor, () => new InvalidNotificationCursorError()),
    take: request.limit + 1,
  };
}
