import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Name of the rule, as it appears in validation errors. */
export const IS_RFC3339_DATE_TIME = 'isRfc3339DateTime';

// RFC 3339 §5.6 `date-time`, which OpenAPI's `format: date-time` means: any four-digit year, any
// offset, a fraction of any length, `T`/`Z` in either case, a leap second.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant an RFC 3339 date-time names, or undefined when `text` is not one (`2026-02-30`,
 * `24:00`, an offset of `+24:00`). Unlike `new Date(text)` it reads years before 100 as written
 * and accepts a leap second (as the next second: a JavaScript Date has none).
 */
export function parseRfc3339(text: string): Date | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetSign = match[9] === '-' ? -1 : 1;
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const instant = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, milliseconds);
  return new Date(instant.getTime() - offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

/** Requires an RFC 3339 date-time (`format: date-time`), offsets allowed: `2026-01-31T10:30:00+01:00`. */
export function IsRfc3339DateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_RFC3339_DATE_TIME,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseRfc3339(value) !== undefined,
        defaultMessage: () => '$property must be an RFC 3339 date-time, e.g. 2026-01-31T10:30:00Z',
      },
    },
    options,
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
