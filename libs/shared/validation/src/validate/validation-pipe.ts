import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { toFieldErrors } from './to-field-errors.js';

/**
 * The ValidationPipe every service uses: unknown properties are refused (a typo in a field name
 * is an error, not a silently ignored field), payloads become DTO instances, and failures
 * become ValidationFailedError, which the filter answers as Problem Details with `errors[]`.
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
    ...overrides,
  });
}
