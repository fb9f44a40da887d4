import type { Category, Channel, NotificationStatus } from '../../domain/notification.js';

/** A notification as the lists show it; `recipient` is the full address (the HTTP mapper masks it). */
export interface NotificationView {
  id: string;
  channel: Channel;
  template: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  recipient: string;
  createdAt: Date;
  sentAt: Date | null;
}

/** Which notifications a list shows, and from where: `afterId` continues after that id (newest first). */
export interface NotificationFilter {
  status?: NotificationStatus;
  channel?: Channel;
  afterId?: string;
  /** Rows to read: one more than the page, to know whether there is a next. */
  take: number;
}

/**
 * Reads for the public lists, from this service's own tables and read models only. Lists are
 * newest first (UUID v7 ids order by creation).
 */
export interface NotificationReads {
  listForUser(userId: string, filter: NotificationFilter): Promise<NotificationView[]>;
  listForBusiness(businessId: string, filter: NotificationFilter): Promise<NotificationView[]>;
  /** True when the user is a member of the business (owners included) and not removed, as the business events said. */
  isMemberOf(businessId: string, userId: string): Promise<boolean>;
  /** The user's address, from auth.user.registered / business.member.added; undefined before those arrive. */
  emailOf(userId: string): Promise<string | undefined>;
}

/**
 * Unsubscribes by address and category (the table the suppression check reads). `unsubscribe`
 * is idempotent: a second one keeps the first time; `resubscribe` of an address that is not
 * unsubscribed changes nothing.
 */
export interface NotificationPreferences {
  isUnsubscribed(recipient: string, category: Category): Promise<boolean>;
  unsubscribe(recipient: string, category: Category, at: Date): Promise<void>;
  resubscribe(recipient: string, category: Category): Promise<void>;
}
