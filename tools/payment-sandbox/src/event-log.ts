import { randomBytes } from 'node:crypto';
import type { DeliveryAttempt, Payment, PaymentEventType, SandboxEvent } from './types.js';

/** An event with what its deliveries need: the raw body (signed as is) and where it goes. */
export interface StoredEvent extends SandboxEvent {
  body: string;
  webhookUrl: string;
}

/** Every event the sandbox made, in the order it made them, with their delivery attempts. */
export class EventLog {
  private readonly events: StoredEvent[] = [];

  constructor(private readonly now: () => Date) {}

  /** Records the event of a transition; the body carries the payment as it is at this instant. */
  record(payment: Payment, webhookUrl: string): StoredEvent {
    const type: PaymentEventType = payment.status === 'succeeded' ? 'payment.succeeded' : 'payment.failed';
    const id = `evt_${randomBytes(12).toString('hex')}`;
    const createdAt = this.now().toISOString();
    const body = JSON.stringify({ id, type, createdAt, data: { payment } });
    const event: StoredEvent = {
      id,
      type,
      paymentId: payment.id,
      createdAt,
      delivered: false,
      attempts: [],
      body,
      webhookUrl,
    };
    this.events.push(event);
    return event;
  }

  addAttempt(event: StoredEvent, attempt: DeliveryAttempt): void {
    event.attempts.push(attempt);
    if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) event.delivered = true;
  }

  /** Every event as `GET /admin/events` shows it (without the body and the URL). */
  all(): SandboxEvent[] {
    return this.events.map(({ id, type, paymentId, createdAt, delivered, attempts }) => ({
      id,
      type,
      paymentId,
      createdAt,
      delivered,
      attempts: attempts.map((attempt) => ({ ...attempt })),
    }));
  }
}
