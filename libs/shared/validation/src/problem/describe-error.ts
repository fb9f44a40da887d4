import { ErrorCode } from '../errors/error-codes.js';
import { mapDatabaseError } from './mappers/database-error.mapper.js';
import { mapDependencyError } from './mappers/dependency-error.mapper.js';
import { mapDomainError } from './mappers/domain-error.mapper.js';
import { mapHttpException } from './mappers/http-exception.mapper.js';
import { mapTimeoutError } from './mappers/timeout-error.mapper.js';
import type { ErrorMapper, ProblemDescription } from './problem-description.js';

const MAPPERS: readonly ErrorMapper[] = [
  mapDomainError,
  mapDependencyError,
  mapHttpException,
  mapDatabaseError,
  mapTimeoutError,
];

const UNEXPECTED: ProblemDescription = {
  status: 500,
  code: ErrorCode.INTERNAL,
  title: 'Internal Server Error',
  detail: 'An unexpected error occurred.',
};

/** What any thrown value means for the client; unknown errors become a 500 that reveals nothing. */
export function describeError(error: unknown): ProblemDescription {
  for (const map of MAPPERS) {
    const described = map(error);
    if (described) return described;
  }
  return UNEXPECTED;
}
