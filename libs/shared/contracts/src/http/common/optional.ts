import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as `null`: the contract does not call it nullable, so
 * `null` must be a 400 like any other wrong type. (class-validator's IsOptional lets null through.)
 */
export function OmittableNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
