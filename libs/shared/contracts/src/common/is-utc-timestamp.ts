import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/** Name of the rule, as it appears in validation errors and in the contract snapshot. */
export const IS_UTC_TIMESTAMP = 'isUtcTimestamp';

// A full date-time ending in `Z`: an offset such as `+02:00` is valid ISO 8601 but would make two
// services disagree on "the same instant" when compared as strings.
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** True for a UTC ISO-8601 date-time such as `2026-01-31T09:30:00.000Z` (the rule of `@IsUtcTimestamp()`). */
export function isUtcTimestamp(value: unknown): boolean {
  return typeof value === 'string' && UTC_DATE_TIME.test(value) && isISO8601(value, { strict: true });
}

/** Requires a UTC ISO-8601 date-time such as `2026-01-31T09:30:00.000Z`. */
export function IsUtcTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_UTC_TIMESTAMP,
      validator: {
        validate: isUtcTimestamp,
        defaultMessage: () => '$property must be a UTC ISO-8601 date-time ending in Z',
      },
    },
    options,
  );
}
