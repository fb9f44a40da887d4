import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Name of the rule, as it appears in validation errors. */
export const CODE_POINT_LENGTH = 'codePointLength';

/** Number of Unicode code points in `text`, the way JSON Schema's minLength and maxLength count. */
export function codePointLength(text: string): number {
  // A string iterates by code point (a lone surrogate counts as one, as in JSON Schema).
  return [...text].length;
}

/**
 * Requires a string of `min` to `max` code points, exactly as JSON Schema counts them.
 * class-validator's Length does not: it counts `a` + U+FE0F as one character, so a string the
 * OpenAPI contract calls valid could be refused, and the reverse.
 */
export function CodePointLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: CODE_POINT_LENGTH,
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = codePointLength(value);
          return length >= min && length <= max;
        },
        defaultMessage: () => `$property must be ${min} to ${max} characters (Unicode code points) long`,
      },
    },
    options,
  );
}
