/** How a notification reaches its recipient. `webhook` rows are the outbound-webhooks part's. */
export const CHANNELS = ['email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where a notification is in its life: `queued` → `sending` → `sent`; a transient failure makes it
 * `retrying` (then `sending` again), a permanent one or an exhausted budget `failed`; `suppressed`
 * when the recipient unsubscribed from its category before it was queued.
 */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'retrying', 'failed', 'suppressed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * `transactional` e-mails (security notices, invoices, receipts) are always sent; `reminder`
 * ones carry one-click unsubscribe and are suppressed for a recipient who unsubscribed.
 */
export const CATEGORIES = ['transactional', 'reminder'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The e-mail templates (one folder each under templates/). */
export const EMAIL_TEMPLATES = [
  'welcome',
  'password-changed',
  'invoice-issued',
  'invoice-receipt',
  'invoice-paid-owner',
  'invoice-reminder',
  'payment-failed-owner',
  'webhook-endpoint-disabled',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** A notification to make from an event: one per (event, recipient, channel). */
export interface NewNotification {
  id: string;
  eventId: string;
  eventType: string;
  /** When the event happened: the start of the event-to-sent latency. */
  occurredAt: Date;
  channel: Channel;
  template: EmailTemplate;
  category: Category;
  /** An e-mail address (lower case) for `email`. */
  recipient: string;
  recipientName: string | null;
  /** The user it is for, when it is a user (welcome, owner notes), for `GET /v1/me/notifications`. */
  userId: string | null;
  /** The business it is about, for `GET /v1/businesses/{id}/notifications`. */
  businessId: string | null;
  /** What the template shows, taken from the event (never from a later lookup). */
  data: Record<string, unknown>;
  status: Extract<NotificationStatus, 'queued' | 'suppressed'>;
  /**
   * The event's key: sent only after every earlier notification of the same channel, recipient and
   * key (a receipt after its invoice e-mail); null when its order does not matter.
   */
  orderKey: string | null;
}

/** A notification a dispatcher has claimed (status `sending`). */
export interface ClaimedNotification {
  id: string;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  channel: Channel;
  template: EmailTemplate;
  category: Category;
  recipient: string;
  recipientName: string | null;
  data: Record<string, unknown>;
  /** Including the one being made now. */
  attempts: number;
  createdAt: Date;
  /** W3C trace headers of the event's handling that queued it (opaque here): the send joins that trace. */
  traceContext: Record<string, string>;
}
