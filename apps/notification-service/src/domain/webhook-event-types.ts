/** The event types a webhook endpoint can subscribe to (the public names, not the platform's topics). */
export const WEBHOOK_EVENT_TYPES = [
  'invoice.issued',
  'invoice.paid',
  'invoice.overdue',
  'invoice.voided',
  'payment.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const BY_PLATFORM_EVENT: Readonly<Record<string, WebhookEventType>> = {
  'business.invoice.issued': 'invoice.issued',
  'business.invoice.paid': 'invoice.paid',
  'business.invoice.overdue': 'invoice.overdue',
  'business.invoice.voided': 'invoice.voided',
  'business.payment.failed': 'payment.failed',
};

const REMINDER_DUE = 'business.invoice.reminder-due';

/**
 * The webhook type a platform event is delivered as, or undefined when it is not one. A dunning
 * reminder (`business.invoice.reminder-due`) past the due date (`offsetDays` > 0) is an
 * `invoice.overdue` too, as the reminder e-mail says; one before or on the due day is not.
 */
export function webhookTypeOf(
  platformEventType: string,
  payload?: { offsetDays?: unknown },
): WebhookEventType | undefined {
  if (platformEventType === REMINDER_DUE) {
    const offsetDays = payload?.offsetDays;
    return typeof offsetDays === 'number' && offsetDays > 0 ? 'invoice.overdue' : undefined;
  }
  return BY_PLATFORM_EVENT[platformEventType];
}
