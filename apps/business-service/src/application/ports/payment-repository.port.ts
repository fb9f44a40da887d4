import type { Payment } from '../../domain/payment.js';

/**
 * The payments of invoices. Contract:
 * - `find*` with `{ forUpdate: true }` keep the row locked until the transaction ends; lock the
 *   invoice first, then its payment (the order every payment use case follows: no deadlock).
 * - `findByRequestKey` finds the payment a caller's Idempotency-Key started for this invoice.
 * - `reservedMinor` sums the invoice's payments still in progress (initiating, pending).
 * - `listUnsettled` pages the provider payments still initiating or pending, created before
 *   `olderThan`, by id after `after` (keyset: rerunning a page is safe).
 */
export interface PaymentRepository {
  insert(payment: Payment): Promise<void>;
  update(payment: Payment): Promise<void>;
  findById(paymentId: string, options?: { forUpdate?: boolean }): Promise<Payment | undefined>;
  findByProviderPaymentId(provider: string, providerPaymentId: string): Promise<Payment | undefined>;
  findByRequestKey(invoiceId: string, requestKey: string): Promise<Payment | undefined>;
  listOfInvoice(businessId: string, invoiceId: string): Promise<Payment[]>;
  reservedMinor(invoiceId: string): Promise<number>;
  listUnsettled(after: string | undefined, limit: number, olderThan: Date): Promise<Payment[]>;
}

/** A provider's event as received. */
export interface ProviderEvent {
  provider: string;
  eventId: string;
  type: string;
  providerPaymentId: string | null;
  payload: unknown;
  receivedAt: Date;
}

/**
 * The provider events received, each recorded once (primary key provider + event id). Contract:
 * `record` inserts the event unless it is there already and answers whether it was new and
 * whether it has been applied; `markApplied` stamps it once its effect is committed.
 */
export interface ProviderEventLog {
  record(event: ProviderEvent): Promise<{ isNew: boolean; applied: boolean }>;
  markApplied(provider: string, eventId: string, at: Date): Promise<void>;
}
