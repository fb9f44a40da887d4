import type { PaymentListResponse, PaymentResponse } from '@platform/contracts';
import type { PaymentView } from '../../../application/payment-settlement.js';

/** A payment as the public API answers it. */
export function toPaymentResponse(payment: PaymentView): PaymentResponse {
  return {
    id: payment.id,
    businessId: payment.businessId,
    invoiceId: payment.invoiceId,
    status: payment.status,
    method: payment.method,
    amount: { amountMinor: payment.amountMinor, currency: payment.currency },
    checkoutUrl: payment.checkoutUrl,
    reference: payment.reference,
    failureReason: payment.failureReason,
    createdAt: payment.createdAt.toISOString(),
    confirmedAt: payment.confirmedAt?.toISOString() ?? null,
  };
}

export function toPaymentListResponse(payments: readonly PaymentView[]): PaymentListResponse {
  return { items: payments.map(toPaymentResponse) };
}
