import type { ProviderPaymentStatus } from '../../domain/payment.js';

/** An amount as the provider states it. */
export interface ProviderAmount {
  amountMinor: number;
  currency: string;
}

/** What we ask the provider to collect. */
export interface CreateProviderPayment {
  /** Our payment's id (UUID v7): sent as the `Idempotency-Key`, so a repeat never makes a second payment. */
  paymentId: string;
  amount: ProviderAmount;
  /** Our own id for the payment at the provider (the payment id). */
  reference: string;
  description?: string;
  /** Where the provider posts the outcome. */
  webhookUrl: string;
}

/** A payment as the provider knows it now. */
export interface ProviderPayment {
  providerPaymentId: string;
  status: ProviderPaymentStatus;
  /** Where the payer pays. */
  checkoutUrl: string;
  failureReason: string | null;
  amount: ProviderAmount;
  /** The reference we gave it (our payment id). */
  reference: string;
}

/**
 * The external payment provider. Contract:
 * - `createPayment` is idempotent on `paymentId`: called again with the same request it answers
 *   the payment made the first time (so a timed-out call may simply be repeated).
 * - `getPayment` answers the payment's CURRENT state, whatever order its webhooks came in.
 * - Both throw the typed dependency errors of @platform/resilience (unavailable, timeout, open
 *   breaker: 503/504; an answer that breaks the contract: 502). `name` is the bounded label of
 *   metrics and the `provider` column.
 */
export interface PaymentProvider {
  readonly name: string;
  createPayment(request: CreateProviderPayment): Promise<ProviderPayment>;
  getPayment(providerPaymentId: string): Promise<ProviderPayment>;
}
