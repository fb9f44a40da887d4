import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import type { FieldError } from './field-error.js';

/** A payload broke the rules of its class: an HTTP body, a Kafka event, a response of another service. */
export class ValidationFailedError extends DomainError {
  constructor(
    readonly errors: FieldError[],
    message = ValidationFailedError.summary(errors),
  ) {
    super(ErrorCode.VALIDATION_FAILED, 'validation', message, { title: 'Validation failed' });
  }

  private static summary(errors: FieldError[]): string {
    const fields = new Set(errors.map((error) => error.field));
    return fields.size === 1 ? 'One field is invalid.' : `${fields.size} fields are invalid.`;
  }
}
