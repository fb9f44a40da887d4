import { STATUS_CODES } from 'node:http';
import { DependencyError } from '../../errors/dependency-error.js';
import { InvalidUpstreamResponseError } from '../../errors/invalid-upstream-response.error.js';
import { UpstreamRejectedError } from '../../errors/upstream-rejected.error.js';
import { UpstreamUnavailableError } from '../../errors/upstream-unavailable.error.js';
import type { ErrorMapper } from '../problem-description.js';

/** Failed dependencies answer 502/503/504 with a client-safe detail; what went wrong goes to the log. */
export const mapDependencyError: ErrorMapper = (error) => {
  if (!(error instanceof DependencyError)) return undefined;
  const upstreamStatus =
    error instanceof UpstreamUnavailableError || error instanceof UpstreamRejectedError
      ? error.upstreamStatus
      : undefined;
  return {
    status: error.status,
    code: error.code,
    title: STATUS_CODES[error.status] ?? 'Dependency failed',
    detail: error.publicDetail,
    retryable: error.status === 503 || error.status === 504 ? true : undefined,
    retryAfterSeconds: error.retryAfterSeconds,
    log: {
      dependency: error.dependency,
      ...(upstreamStatus === undefined ? {} : { upstreamStatus }),
      ...(error instanceof InvalidUpstreamResponseError ? { upstreamErrors: error.errors } : {}),
    },
  };
};
