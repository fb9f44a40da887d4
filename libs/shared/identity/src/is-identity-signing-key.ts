import { applyDecorators } from '@nestjs/common';
import { IsString, MinLength } from 'class-validator';
import { IDENTITY_KEY_MIN_LENGTH } from './identity-headers.js';

/**
 * The rule of an `IDENTITY_SIGNING_KEY` setting, for the configuration class of the gateway and
 * of every upstream that verifies it: a string of at least IDENTITY_KEY_MIN_LENGTH characters.
 */
export function IsIdentitySigningKey(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(IDENTITY_KEY_MIN_LENGTH, {
      message: ({ property }) => `${property} must be at least ${IDENTITY_KEY_MIN_LENGTH} characters`,
    }),
  );
}
