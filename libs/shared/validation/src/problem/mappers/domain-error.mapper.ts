import { DomainError, type DomainErrorKind } from '../../errors/domain-error.js';
import { ValidationFailedError } from '../../errors/validation-failed.error.js';
import type { ErrorMapper } from '../problem-description.js';

/** The status and default title of each kind: the one place the domain meets HTTP. */
const KINDS: Record<DomainErrorKind, { status: number; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  business_rule: { status: 422, title: 'Business rule violated' },
  rate_limited: { status: 429, title: 'Too many requests' },
  precondition_required: { status: 428, title: 'Precondition required' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
};

/** Domain errors keep their code and message (written for the client); the kind picks the status. */
export const mapDomainError: ErrorMapper = (error) => {
  if (!(error instanceof DomainError)) return undefined;
  const kind = KINDS[error.kind] ?? KINDS.business_rule;
  return {
    status: kind.status,
    code: error.code,
    title: error.title ?? kind.title,
    detail: error.message,
    errors: error instanceof ValidationFailedError ? error.errors : undefined,
    retryable: error.retryable || undefined,
    retryAfterSeconds: error.retryAfterSeconds,
    log: error.details,
  };
};
