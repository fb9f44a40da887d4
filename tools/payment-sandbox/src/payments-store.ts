import { randomBytes } from 'node:crypto';
import { requestFingerprint, type CreatePaymentRequest } from './payment-request.js';
import type { Payment, PaymentStatus } from './types.js';

/** A payment and what the sandbox keeps beside it. */
export interface StoredPayment {
  payment: Payment;
  webhookUrl: string;
}

/** What creating a payment under an idempotency key came to. */
export type CreateOutcome =
  { kind: 'created'; payment: Payment } | { kind: 'replayed'; payment: Payment } | { kind: 'key-reused' };

/** Payments in memory, and the idempotency keys they were created under (the sandbox has one client). */
export class PaymentsStore {
  private readonly payments = new Map<string, StoredPayment>();
  private readonly keys = new Map<string, { fingerprint: string; paymentId: string }>();

  constructor(
    private readonly checkoutBaseUrl: () => string,
    private readonly now: () => Date,
  ) {}

  /** Creates a payment, or answers the one made earlier under the same key when the request is the same. */
  create(idempotencyKey: string, request: CreatePaymentRequest): CreateOutcome {
    const fingerprint = requestFingerprint(request);
    const earlier = this.keys.get(idempotencyKey);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) return { kind: 'key-reused' };
      const payment = this.get(earlier.paymentId);
      if (payment) return { kind: 'replayed', payment };
    }
    const id = `pay_${randomBytes(12).toString('hex')}`;
    const at = this.now().toISOString();
    const payment: Payment = {
      id,
      status: 'pending',
      amount: { ...request.amount },
      reference: request.reference,
      description: request.description,
      checkoutUrl: `${this.checkoutBaseUrl()}/checkout/${id}`,
      failureReason: null,
      createdAt: at,
      updatedAt: at,
    };
    this.payments.set(id, { payment, webhookUrl: request.webhookUrl });
    this.keys.set(idempotencyKey, { fingerprint, paymentId: id });
    return { kind: 'created', payment: structuredClone(payment) };
  }

  /** A copy of the payment's current state. */
  get(id: string): Payment | undefined {
    const stored = this.payments.get(id);
    return stored && structuredClone(stored.payment);
  }

  /** Moves the payment to `status`; answers its new state and where its webhooks go (the caller has checked the transition). */
  update(id: string, status: PaymentStatus, failureReason: string | null): StoredPayment {
    const stored = this.payments.get(id);
    if (!stored) throw new Error(`no payment ${id}`);
    stored.payment = { ...stored.payment, status, failureReason, updatedAt: this.now().toISOString() };
    return structuredClone(stored);
  }

  /** Every payment, oldest first. */
  all(): Payment[] {
    return [...this.payments.values()].map((stored) => structuredClone(stored.payment));
  }
}
