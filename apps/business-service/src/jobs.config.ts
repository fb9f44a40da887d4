import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';

// Validators of the jobs' settings in BusinessConfig, and their parsing.

const DAY_MS = 86_400_000;

/** A period in milliseconds: 1 s to 7 days. */
export function IsJobPeriod(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(1000)(target, key);
    Max(7 * DAY_MS)(target, key);
  };
}

/** `true` or `false` (the environment's text). */
export function IsTrueOrFalse(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))(
      target,
      key,
    );
    IsBoolean({ message: `${String(key)} must be true or false` })(target, key);
  };
}

/** A comma-separated list of whole days from -365 to 365, e.g. `-3,1,7`. */
export function IsOffsetDaysList(): PropertyDecorator {
  return Matches(/^\s*-?\d{1,3}\s*(,\s*-?\d{1,3}\s*)*$/, {
    message: (args) => `${args.property} must be comma-separated whole days, e.g. -3,1,7`,
  });
}

/** The offsets of `JOBS_REMINDER_OFFSETS_DAYS`, checked to be within a year either side. */
export function parseOffsetDays(list: string): number[] {
  const offsets = list.split(',').map((part) => Number(part.trim()));
  const bad = offsets.find((offset) => !Number.isInteger(offset) || Math.abs(offset) > 365);
  if (bad !== undefined) throw new Error(`reminder offset ${bad} is not a whole day from -365 to 365`);
  return [...new Set(offsets)].sort((a, b) => a - b);
}

/** A keep period of a retention rule in whole days: 1 day to 10 years. */
export function IsRetentionDays(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt({ message: `${String(key)} must be a whole number of days` })(target, key);
    Min(1)(target, key);
    Max(3650)(target, key);
  };
}
