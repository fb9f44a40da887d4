import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import type { FieldError } from './field-error.js';

/**
 * A payload broke the rules of its class: an HTTP body, a Kafka event, a response of another service.
 * `kind` is `validation` (400) when the payload breaks its contract's schema, and `business_rule`
 * (422) when it has the shape the contract states but breaks a rule no schema can say (a common
 * password): a request valid by the public contract never gets a 400.
 */
export class ValidationFailedError extends DomainError {
  constructor(
    readonly errors: FieldError[],
    message = ValidationFailedError.summary(errors),
    kind: 'validation' | 'business_rule' = 'validation',
  ) {
    super(ErrorCode.VALIDATION_FAILED, kind, message, { title: 'Validation failed' });
  }

  private static summary(errors: FieldError[]): string {
    const fields = new Set(errors.map((error) => error.field));
    return fields.size === 1 ? 'One field is invalid.' : `${fields.size} fields are invalid.`;
  }
}
