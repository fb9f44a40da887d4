import { DomainError } from '@platform/validation';

/** The recurring invoice part of the business-service's error catalogue. Codes are part of the API. */
export const RecurringInvoiceErrorCode = {
  NOT_FOUND: 'RECURRING_INVOICE.NOT_FOUND',
  INVALID: 'RECURRING_INVOICE.INVALID',
  ENDED: 'RECURRING_INVOICE.ENDED',
  PRECONDITION_REQUIRED: 'RECURRING_INVOICE.PRECONDITION_REQUIRED',
  VERSION_MISMATCH: 'RECURRING_INVOICE.VERSION_MISMATCH',
} as const;

/** No such schedule in this business (it does not exist, or is another business's: one answer). */
export class RecurringInvoiceNotFoundError extends DomainError {
  constructor(recurringInvoiceId: string) {
    super(RecurringInvoiceErrorCode.NOT_FOUND, 'not_found', 'No such recurring invoice.', {
      details: { recurringInvoiceId },
    });
  }
}

/** Content the domain refuses though the contract's shape allows it. */
export class InvalidRecurringInvoiceError extends DomainError {
  constructor(field: string, message: string) {
    super(RecurringInvoiceErrorCode.INVALID, 'business_rule', message, { details: { field } });
  }
}

/** An ended schedule is final: it cannot be changed, paused or resumed. */
export class RecurringInvoiceEndedError extends DomainError {
  constructor(recurringInvoiceId: string) {
    super(RecurringInvoiceErrorCode.ENDED, 'conflict', 'This recurring invoice has ended and cannot change.', {
      details: { recurringInvoiceId },
      title: 'Recurring invoice has ended',
    });
  }
}

/** A change to a schedule came without the version it was based on (HTTP: no `If-Match`, 428). */
export class RecurringInvoicePreconditionRequiredError extends DomainError {
  constructor() {
    super(
      RecurringInvoiceErrorCode.PRECONDITION_REQUIRED,
      'precondition_required',
      'Changing a recurring invoice requires If-Match with its current ETag (GET it first).',
      { title: 'Precondition Required' },
    );
  }
}

/** The schedule changed since the version the caller based the change on (HTTP: 412). */
export class RecurringInvoiceVersionMismatchError extends DomainError {
  constructor(recurringInvoiceId: string, expected: number, actual: number) {
    super(
      RecurringInvoiceErrorCode.VERSION_MISMATCH,
      'precondition_failed',
      'The recurring invoice has changed since you read it; read it again and retry.',
      { details: { recurringInvoiceId, expected, actual }, title: 'Precondition Failed' },
    );
  }
}
