/** The event types a webhook endpoint can subscribe to (the public names, not the platform's topics). */
export const WEBHOOK_EVENT_TYPES = [
  'invoice.issued',
  'invoice.paid',
  'invoice.overdue',
  'invoice.voided',
  'payment.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

// Reminders (business.invoice.reminder-due) are dunning e-mails, not a change of the invoice: no webhook.
const BY_PLATFORM_EVENT: Readonly<Record<string, WebhookEventType>> = {
  'business.invoice.issued': 'invoice.issued',
  'business.invoice.paid': 'invoice.paid',
  'business.invoice.overdue': 'invoice.overdue',
  'business.invoice.voided': 'invoice.voided',
  'business.payment.failed': 'payment.failed',
};

/** The webhook type a platform event is delivered as, or undefined when it is not one. */
export function webhookTypeOf(platformEventType: string): WebhookEventType | undefined {
  return BY_PLATFORM_EVENT[platformEventType];
}
