import { ValidationPipe, type ArgumentMetadata, type ValidationPipeOptions } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { toFieldErrors } from './to-field-errors.js';

// Types a parameter can reflect as that are not DTO classes.
const NOT_A_DTO: readonly unknown[] = [String, Number, Boolean, Object, Array];

/**
 * Nest's ValidationPipe turns a JSON `null` body into `{}`, so a DTO whose fields are all
 * optional (a PATCH) would take `null`, a number or an array as "no change". A body that is sent
 * for a DTO must be a JSON object; no body at all stays allowed where the route allows it.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && !NOT_A_DTO.includes(metadata.metatype);
    if (dto && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationFailedError([
        { field: '(body)', message: 'The body must be a JSON object.', code: 'isObject' },
      ]);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The ValidationPipe every service uses: unknown properties are refused (a typo in a field name
 * is an error, not a silently ignored field), a body for a DTO must be a JSON object, payloads
 * become DTO instances, and failures become ValidationFailedError, which the filter answers as
 * Problem Details with `errors[]`.
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
    ...overrides,
  });
}
