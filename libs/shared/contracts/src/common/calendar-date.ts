import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Name of the rule, as it appears in validation errors and in the contract snapshot. */
export const IS_CALENDAR_DATE = 'isCalendarDate';

// RFC 3339 `full-date`, which OpenAPI's `format: date` means: exactly four digits for the year
// (0000 included), no sign, no week or ordinal forms.
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a calendar date `YYYY-MM-DD` that exists (proleptic Gregorian): `2024-02-29`, not `2025-02-29`. */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = FULL_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Requires a calendar date (`format: date`), e.g. `2026-03-04`: a day, not an instant. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CALENDAR_DATE,
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => '$property must be a calendar date YYYY-MM-DD, e.g. 2026-03-04',
      },
    },
    options,
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
