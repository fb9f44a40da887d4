/** Where a payment is in its life. */
export const PAYMENT_STATUSES = ['initiating', 'pending', 'succeeded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How the money comes: through the payment provider, or recorded by hand (a bank transfer). */
export type PaymentMethod = 'provider' | 'manual';

/** The statuses a provider reports for a payment it knows. */
export type ProviderPaymentStatus = 'pending' | 'succeeded' | 'failed';

/** Statuses still waiting for an outcome: they hold part of the invoice's open balance. */
export const UNSETTLED_STATUSES: readonly PaymentStatus[] = ['initiating', 'pending'];

/** Everything a payment is, as stored. */
export interface PaymentState {
  /** UUID v7; also the provider's Idempotency-Key and the payment's reference there. */
  id: string;
  businessId: string;
  invoiceId: string;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  /** `sandbox` for a provider payment, null for a manual one. */
  provider: string | null;
  providerPaymentId: string | null;
  status: PaymentStatus;
  checkoutUrl: string | null;
  /** A manual payment's reference (the bank transfer's). */
  reference: string | null;
  failureReason: string | null;
  /** The caller's Idempotency-Key: the same key for the same invoice reuses this payment. */
  requestKey: string | null;
  /** W3C traceparent of the request that started it: the confirmation's span links to it. */
  startTraceparent: string | null;
  createdAt: Date;
  /** When it succeeded. */
  confirmedAt: Date | null;
  updatedAt: Date;
}

/** What changed when a provider's state was applied. */
export type PaymentOutcome = 'none' | 'pending' | 'succeeded' | 'failed';

/**
 * The payment aggregate. Immutable. Transitions: initiating → pending (the provider took it),
 * initiating/pending → succeeded or failed, failed → succeeded (the payer tried again). Succeeded
 * is final: a `failed` reported after it changes nothing.
 */
export class Payment {
  private constructor(private readonly state: Readonly<PaymentState>) {}

  /** A provider payment before the provider has been asked. */
  static initiate(
    input: Pick<
      PaymentState,
      'id' | 'businessId' | 'invoiceId' | 'amountMinor' | 'currency' | 'provider' | 'requestKey' | 'startTraceparent'
    >,
    now: Date,
  ): Payment {
    return new Payment({
      ...input,
      method: 'provider',
      providerPaymentId: null,
      status: 'initiating',
      checkoutUrl: null,
      reference: null,
      failureReason: null,
      createdAt: now,
      confirmedAt: null,
      updatedAt: now,
    });
  }

  /** A manual payment: the money has arrived, so it succeeds at once. */
  static manual(
    input: Pick<PaymentState, 'id' | 'businessId' | 'invoiceId' | 'amountMinor' | 'currency' | 'reference'>,
    now: Date,
  ): Payment {
    return new Payment({
      ...input,
      method: 'manual',
      provider: null,
      providerPaymentId: null,
      status: 'succeeded',
      checkoutUrl: null,
      failureReason: null,
      requestKey: null,
      startTraceparent: null,
      createdAt: now,
      confirmedAt: now,
      updatedAt: now,
    });
  }

  static restore(state: PaymentState): Payment {
    return new Payment({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get status(): PaymentStatus {
    return this.state.status;
  }
  get invoiceId(): string {
    return this.state.invoiceId;
  }
  get businessId(): string {
    return this.state.businessId;
  }

  toState(): PaymentState {
    return { ...this.state };
  }

  /** Whether the same request (key) asks for this very payment: same amount and currency. */
  sameRequestAs(amountMinor: number, currency: string): boolean {
    return this.state.amountMinor === amountMinor && this.state.currency === currency;
  }

  /**
   * The payment with the provider's state applied: its id and checkout URL learnt, and the
   * status moved as the transitions allow. `outcome` says what changed ('none': nothing did).
   */
  applyProvider(
    reported: {
      providerPaymentId: string;
      checkoutUrl: string | null;
      status: ProviderPaymentStatus;
      failureReason: string | null;
    },
    now: Date,
  ): { payment: Payment; outcome: PaymentOutcome } {
    const learnt =
      this.state.providerPaymentId === null
        ? { providerPaymentId: reported.providerPaymentId, checkoutUrl: reported.checkoutUrl }
        : {};
    const from = this.state.status;
    const to = reported.status;
    if (from === 'succeeded' || from === to) {
      return { payment: Object.keys(learnt).length ? this.next(learnt, now) : this, outcome: 'none' };
    }
    if (to === 'pending') {
      // Only an initiating payment becomes pending; a failed one stays failed until it succeeds.
      if (from !== 'initiating') return { payment: this, outcome: 'none' };
      return { payment: this.next({ ...learnt, status: 'pending' }, now), outcome: 'pending' };
    }
    if (to === 'succeeded') {
      return {
        payment: this.next({ ...learnt, status: 'succeeded', failureReason: null, confirmedAt: now }, now),
        outcome: 'succeeded',
      };
    }
    return {
      payment: this.next({ ...learnt, status: 'failed', failureReason: reported.failureReason }, now),
      outcome: 'failed',
    };
  }

  /** An initiating payment the provider never took, given up (it held part of the balance). */
  abandon(reason: string, now: Date): Payment {
    if (this.state.status !== 'initiating') return this;
    return this.next({ status: 'failed', failureReason: reason }, now);
  }

  private next(changes: Partial<PaymentState>, now: Date): Payment {
    return new Payment({ ...this.state, ...changes, updatedAt: now });
  }
}
