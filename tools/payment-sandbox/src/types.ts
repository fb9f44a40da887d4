/** Money as integer minor units of an ISO 4217 currency (1999 EUR = 19.99 €). */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Where a payment stands: `succeeded` is final, `failed` may still succeed when the payer tries again. */
export type PaymentStatus = 'pending' | 'succeeded' | 'failed';

/** A payment as the API answers it (section 4 of the API). */
export interface Payment {
  id: string;
  status: PaymentStatus;
  amount: Money;
  reference: string;
  description: string | null;
  checkoutUrl: string;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The event types a webhook carries, one per checkout transition. */
export type PaymentEventType = 'payment.succeeded' | 'payment.failed';

/** One try to deliver an event: the receiver's HTTP status, or why no status came back. */
export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

/** An event the sandbox made, and how its webhook deliveries went (`GET /admin/events`). */
export interface SandboxEvent {
  id: string;
  type: PaymentEventType;
  paymentId: string;
  createdAt: string;
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

/** How webhook deliveries misbehave: each flag independent of the others. */
export interface WebhookFaults {
  /** Each event is delivered twice, with the same webhook-id. */
  duplicate?: boolean;
  /** Events of one payment are held and delivered newest first. */
  reorder?: boolean;
  /** How long a held event waits for the next one of its payment (default 2000 ms). */
  reorderHoldMs?: number;
  /** Events are recorded but never delivered. */
  drop?: boolean;
}

/** The injectable fault set (`PUT /admin/faults`); every field is optional. */
export interface Faults {
  /** Added before every /v1 answer. */
  latencyMs?: number;
  /** The next n /v1 calls answer `failStatus` and do nothing. */
  failNext?: number;
  failStatus?: 500 | 502 | 503;
  /** The next n /v1 calls answer 429 with `Retry-After: retryAfterSeconds` and do nothing. */
  rateLimitNext?: number;
  retryAfterSeconds?: number;
  /** The next n /v1 calls are held 60 s (or until the client hangs up) and do nothing. */
  timeoutNext?: number;
  /** One-shot: every token issued so far is expired. Never kept in the stored set. */
  expireTokens?: boolean;
  webhooks?: WebhookFaults;
}
