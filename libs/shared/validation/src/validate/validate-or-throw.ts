import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { toFieldErrors } from './to-field-errors.js';

/** How strictly a payload is checked outside HTTP. */
export interface ValidateOptions {
  /**
   * Fail on properties the class does not declare. Off by default: events and responses of other
   * services may gain fields, and a tolerant reader keeps working; the extra fields are dropped.
   */
  forbidUnknownProperties?: boolean;
}

/**
 * Turns a plain payload (a Kafka event, the body of another service's response) into an
 * instance of `type`, validated by the same decorators as HTTP bodies; throws
 * ValidationFailedError with `errors[]` otherwise.
 */
export async function validateOrThrow<T extends object>(
  type: ClassConstructor<T>,
  plain: unknown,
  options: ValidateOptions = {},
): Promise<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new ValidationFailedError([
      {
        field: '$',
        message: `payload must be an object, received ${Array.isArray(plain) ? 'an array' : typeof plain}`,
        code: 'isObject',
      },
    ]);
  }
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: options.forbidUnknownProperties ?? false,
    // The value and target would copy the payload into every error: they are logged, so leave them out.
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
  return instance;
}
