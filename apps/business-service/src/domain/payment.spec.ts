import { describe, expect, it } from 'vitest';
import { Invoice } from './invoice.js';
import { InvoiceTransitionError } from './invoice.errors.js';
import { Payment, type ProviderPaymentStatus } from './payment.js';

const T0 = new Date('2026-02-02T10:00:00.000Z');
const T1 = new Date('2026-02-02T10:05:00.000Z');

function initiating(): Payment {
  return Payment.initiate(
    {
      id: '01964f55-3d4e-7f60-9a1b-2c3d4e5f6a7b',
      businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
      invoiceId: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
      amountMinor: 5000,
      currency: 'EUR',
      provider: 'sandbox',
      requestKey: 'key-1',
      startTraceparent: null,
    },
    T0,
  );
}

const reported = (status: ProviderPaymentStatus) => ({
  providerPaymentId: 'pay_1',
  checkoutUrl: 'http://127.0.0.1/checkout/pay_1',
  status,
  failureReason: status === 'failed' ? 'card_declined' : null,
});

function walk(...statuses: ProviderPaymentStatus[]) {
  let payment = initiating();
  const outcomes: string[] = [];
  for (const status of statuses) {
    const step = payment.applyProvider(reported(status), T1);
    payment = step.payment;
    outcomes.push(step.outcome);
  }
  return { payment, outcomes };
}

describe('payment', () => {
  it('becomes pending when the provider takes it, learning its id and checkout URL', () => {
    const { payment, outcomes } = walk('pending');
    expect(outcomes).toEqual(['pending']);
    expect(payment.toState()).toMatchObject({ status: 'pending', providerPaymentId: 'pay_1', confirmedAt: null });
  });

  it('succeeds once, and a failed reported after that changes nothing', () => {
    const { payment, outcomes } = walk('pending', 'succeeded', 'failed', 'succeeded', 'pending');
    expect(outcomes).toEqual(['pending', 'succeeded', 'none', 'none', 'none']);
    expect(payment.toState()).toMatchObject({ status: 'succeeded', confirmedAt: T1, failureReason: null });
  });

  it('may succeed after failing (the payer tried again), and a repeated failure is no new outcome', () => {
    const { payment, outcomes } = walk('pending', 'failed', 'failed', 'pending', 'succeeded');
    expect(outcomes).toEqual(['pending', 'failed', 'none', 'none', 'succeeded']);
    expect(payment.status).toBe('succeeded');
  });

  it('abandons only an initiating payment', () => {
    expect(initiating().abandon('not_started', T1).toState()).toMatchObject({
      status: 'failed',
      failureReason: 'not_started',
    });
    const pending = walk('pending').payment;
    expect(pending.abandon('not_started', T1)).toBe(pending);
  });
});

describe('invoice payments', () => {
  const issued = () =>
    Invoice.draft(
      {
        id: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
        businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
        customerId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e90',
        currency: 'EUR',
        dueDate: '2026-03-04',
        lines: [{ description: 'Work', quantity: 1, unitAmountMinor: 10_000, taxRateBps: 0 }],
      },
      T0,
    ).issue('A-2026-0001', T0);

  it('counts partial payments and becomes paid when they cover the total', () => {
    const partly = issued().recordPayment(6_000, T1);
    expect(partly.status).toBe('issued');
    expect(partly.amountDueMinor()).toBe(4_000);
    const paid = partly.recordPayment(4_000, T1);
    expect(paid.status).toBe('paid');
    expect(paid.amountDueMinor()).toBe(0);
    expect(paid.version).toBe(partly.version + 1);
  });

  it('still counts a late payment on a paid invoice (an overpayment), and refuses one on a draft', () => {
    const over = issued().recordPayment(10_000, T1).recordPayment(500, T1);
    expect(over.toState()).toMatchObject({ status: 'paid', paidMinor: 10_500 });
    expect(over.amountDueMinor()).toBe(0);
    const draft = Invoice.restore({ ...issued().toState(), status: 'draft', number: null });
    expect(() => draft.recordPayment(1, T1)).toThrow(InvoiceTransitionError);
  });
});
