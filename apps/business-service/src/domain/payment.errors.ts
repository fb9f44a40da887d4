import { DependencyError, DomainError } from '@platform/validation';

/**
 * The payment part of the business-service's error catalogue. Codes are part of the API. As for
 * invoices: a state conflict is a 409, a broken business rule a 422.
 */
export const PaymentErrorCode = {
  INVOICE_NOT_PAYABLE: 'PAYMENT.INVOICE_NOT_PAYABLE',
  AMOUNT_EXCEEDS_BALANCE: 'PAYMENT.AMOUNT_EXCEEDS_BALANCE',
  CURRENCY_MISMATCH: 'PAYMENT.CURRENCY_MISMATCH',
  INVALID_AMOUNT: 'PAYMENT.INVALID_AMOUNT',
  REQUEST_KEY_REUSED: 'PAYMENT.REQUEST_KEY_REUSED',
  PROVIDER_NOT_CONFIGURED: 'PAYMENT.PROVIDER_NOT_CONFIGURED',
  WEBHOOK_SIGNATURE_INVALID: 'PAYMENT.WEBHOOK_SIGNATURE_INVALID',
} as const;

/** Only an issued invoice takes payments: a draft is not owed yet, a paid or void one no longer. */
export class InvoiceNotPayableError extends DomainError {
  constructor(invoiceId: string, status: string) {
    super(
      PaymentErrorCode.INVOICE_NOT_PAYABLE,
      'conflict',
      `Only an issued invoice can be paid; this one is ${status}.`,
      {
        details: { invoiceId, status },
        title: 'Invoice does not take payments',
      },
    );
  }
}

/** More than the open balance (total − succeeded − payments still in progress). */
export class PaymentAmountExceedsBalanceError extends DomainError {
  constructor(invoiceId: string, amountMinor: number, openMinor: number) {
    super(
      PaymentErrorCode.AMOUNT_EXCEEDS_BALANCE,
      'business_rule',
      `The amount exceeds the open balance of the invoice (${openMinor} minor units, payments in progress deducted).`,
      { details: { invoiceId, amountMinor, openMinor } },
    );
  }
}

/** A payment is in the invoice's currency. */
export class PaymentCurrencyMismatchError extends DomainError {
  constructor(invoiceId: string, currency: string, invoiceCurrency: string) {
    super(
      PaymentErrorCode.CURRENCY_MISMATCH,
      'business_rule',
      `The payment must be in the invoice's currency, ${invoiceCurrency}.`,
      { details: { invoiceId, currency, invoiceCurrency } },
    );
  }
}

/** Zero, negative or not a whole number of minor units. */
export class InvalidPaymentAmountError extends DomainError {
  constructor(amountMinor: number) {
    super(PaymentErrorCode.INVALID_AMOUNT, 'business_rule', 'A payment is a positive whole number of minor units.', {
      details: { amountMinor },
    });
  }
}

/** The same Idempotency-Key was sent for this invoice with another amount. */
export class PaymentRequestKeyReusedError extends DomainError {
  constructor(invoiceId: string) {
    super(
      PaymentErrorCode.REQUEST_KEY_REUSED,
      'business_rule',
      'This Idempotency-Key already started a payment of another amount for this invoice.',
      { details: { invoiceId } },
    );
  }
}

/** The service runs without PAYMENT_PROVIDER_* settings: provider payments are off (503). */
export class PaymentProviderNotConfiguredError extends DependencyError {
  readonly code = PaymentErrorCode.PROVIDER_NOT_CONFIGURED;
  readonly status = 503;
  readonly publicDetail = 'Payments through the payment provider are not available on this installation.';

  constructor() {
    super('payment-provider', 'no payment provider is configured (PAYMENT_PROVIDER_* unset)');
  }
}

/** A webhook whose signature is missing, wrong or too old: refused, nothing recorded. */
export class WebhookSignatureInvalidError extends DomainError {
  constructor(reason: string) {
    super(
      PaymentErrorCode.WEBHOOK_SIGNATURE_INVALID,
      'unauthorized',
      'The webhook signature is missing, invalid or stale.',
      {
        details: { reason },
      },
    );
  }
}
