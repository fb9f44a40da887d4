import { DomainError } from '@platform/validation';

/**
 * The invoice part of the business-service's error catalogue. Codes are part of the API.
 *
 * One rule for state errors: a request that is well formed but conflicts with the invoice's
 * current status (editing or deleting an issued invoice, voiding a draft, issuing twice) is a
 * 409 Conflict (`INVOICE.NOT_DRAFT`, `INVOICE.INVALID_TRANSITION`); a request whose content breaks
 * a business rule whatever the invoice's state (an archived customer, an amount too large) is a 422.
 * Version preconditions are 428 (no `If-Match`) and 412 (stale `If-Match`, or a lost race).
 */
export const InvoiceErrorCode = {
  NOT_FOUND: 'INVOICE.NOT_FOUND',
  NOT_DRAFT: 'INVOICE.NOT_DRAFT',
  INVALID_TRANSITION: 'INVOICE.INVALID_TRANSITION',
  PAYMENT_IN_PROGRESS: 'INVOICE.PAYMENT_IN_PROGRESS',
  INVALID: 'INVOICE.INVALID',
  AMOUNT_TOO_LARGE: 'INVOICE.AMOUNT_TOO_LARGE',
  CUSTOMER_NOT_AVAILABLE: 'INVOICE.CUSTOMER_NOT_AVAILABLE',
  PRECONDITION_REQUIRED: 'INVOICE.PRECONDITION_REQUIRED',
  VERSION_MISMATCH: 'INVOICE.VERSION_MISMATCH',
} as const;

/** No such invoice in this business: it does not exist, or belongs to another business (one answer for both). */
export class InvoiceNotFoundError extends DomainError {
  constructor(invoiceId: string) {
    super(InvoiceErrorCode.NOT_FOUND, 'not_found', 'No such invoice.', { details: { invoiceId } });
  }
}

/** Only a draft can be edited or deleted: an issued invoice is corrected by voiding it and issuing a new one. */
export class InvoiceNotDraftError extends DomainError {
  constructor(invoiceId: string, status: string, action: 'edit' | 'delete') {
    super(
      InvoiceErrorCode.NOT_DRAFT,
      'conflict',
      `Only a draft invoice can be ${action === 'edit' ? 'edited' : 'deleted'}; this one is ${status}.`,
      { details: { invoiceId, status, action }, title: 'Invoice is not a draft' },
    );
  }
}

/** A status change the state machine does not allow (voiding a draft, issuing twice, paying a void invoice). */
export class InvoiceTransitionError extends DomainError {
  constructor(invoiceId: string, from: string, to: string) {
    super(InvoiceErrorCode.INVALID_TRANSITION, 'conflict', `A ${from} invoice cannot become ${to}.`, {
      details: { invoiceId, from, to },
      title: 'Invoice status does not allow this',
    });
  }
}

/**
 * Voiding an invoice while a payment of it is still with the provider: the payer may yet pay it,
 * and the money would land on a void invoice. Wait until the payment settles (the reconciliation
 * job settles one whose webhook never came), then void.
 */
export class InvoicePaymentInProgressError extends DomainError {
  constructor(invoiceId: string, reservedMinor: number) {
    super(
      InvoiceErrorCode.PAYMENT_IN_PROGRESS,
      'conflict',
      'A payment of this invoice is still in progress; void it once the payment has settled.',
      { details: { invoiceId, amountInProgressMinor: reservedMinor }, title: 'Invoice has a payment in progress' },
    );
  }
}

/** Content the domain refuses though the contract's shape allows it (kept for callers other than HTTP too). */
export class InvalidInvoiceError extends DomainError {
  constructor(field: string, message: string) {
    super(InvoiceErrorCode.INVALID, 'business_rule', message, { details: { field } });
  }
}

/** An amount beyond Number.MAX_SAFE_INTEGER minor units: refused, never rounded. */
export class InvoiceAmountTooLargeError extends DomainError {
  constructor(what: string) {
    super(
      InvoiceErrorCode.AMOUNT_TOO_LARGE,
      'business_rule',
      `The ${what} would exceed ${Number.MAX_SAFE_INTEGER} minor units; split the invoice.`,
      { details: { what } },
    );
  }
}

/** The customer is not one of this business's, or is archived: it cannot be invoiced. */
export class InvoiceCustomerNotAvailableError extends DomainError {
  constructor(customerId: string, reason: 'not_found' | 'archived') {
    super(
      InvoiceErrorCode.CUSTOMER_NOT_AVAILABLE,
      'business_rule',
      reason === 'archived' ? 'The customer is archived and cannot be invoiced.' : 'No such customer in this business.',
      { details: { customerId, reason } },
    );
  }
}

/**
 * A change to an invoice came without the version it was based on (HTTP: no `If-Match`, 428).
 * Its kind is only a fallback: the HTTP adapter answers 428 by the code.
 */
export class InvoicePreconditionRequiredError extends DomainError {
  constructor() {
    super(
      InvoiceErrorCode.PRECONDITION_REQUIRED,
      'precondition_required',
      'Changing an invoice requires If-Match with its current ETag (GET it first).',
      { title: 'Precondition Required' },
    );
  }
}

/**
 * The invoice changed since the version the caller based the change on, or a concurrent change
 * won the race (HTTP: 412). Read it again and retry on the new version.
 */
export class InvoiceVersionMismatchError extends DomainError {
  constructor(invoiceId: string, expected: number, actual: number | undefined) {
    super(
      InvoiceErrorCode.VERSION_MISMATCH,
      'precondition_failed',
      'The invoice has changed since you read it; read it again and retry.',
      { details: { invoiceId, expected, actual }, title: 'Precondition Failed' },
    );
  }
}
