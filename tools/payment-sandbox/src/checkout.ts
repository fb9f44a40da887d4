import type { PaymentStatus } from './types.js';

/** What the payer chose on the checkout page. */
export type CheckoutOutcome = 'succeeded' | 'failed';

export const PAYER_DECLINED = 'The payer declined the payment on the checkout page';

/**
 * Whether a payment in `from` may take the payer's `outcome`: pending and failed ones may (the payer
 * tries again after a failure), a succeeded one is final.
 */
export function canTransition(from: PaymentStatus, _outcome: CheckoutOutcome): boolean {
  return from !== 'succeeded';
}

export function isCheckoutOutcome(value: unknown): value is CheckoutOutcome {
  return value === 'succeeded' || value === 'failed';
}
