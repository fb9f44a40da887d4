import { QueryFailedError } from 'typeorm';

/** SQLSTATE of a unique constraint violation. */
const UNIQUE_VIOLATION = '23505';

/** True when `error` is PostgreSQL refusing a row because of the unique constraint `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}
