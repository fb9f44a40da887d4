// Errors: importable by the domain layer, none of these files imports Nest.
export { DomainError } from './errors/domain-error.js';
export type { DomainErrorKind, DomainErrorOptions } from './errors/domain-error.js';
export { ValidationFailedError } from './errors/validation-failed.error.js';
export type { FieldError } from './errors/field-error.js';
export { ErrorCode } from './errors/error-codes.js';
export type { ErrorCodeValue } from './errors/error-codes.js';
export { DependencyError } from './errors/dependency-error.js';
export type { DependencyErrorOptions } from './errors/dependency-error.js';
export { UpstreamTimeoutError } from './errors/upstream-timeout.error.js';
export { CircuitOpenError } from './errors/circuit-open.error.js';
export { UpstreamUnavailableError } from './errors/upstream-unavailable.error.js';
export type { UpstreamUnavailableOptions } from './errors/upstream-unavailable.error.js';
export { InvalidUpstreamResponseError } from './errors/invalid-upstream-response.error.js';
export { UpstreamRejectedError } from './errors/upstream-rejected.error.js';
export { BulkheadFullError } from './errors/bulkhead-full.error.js';

// Validation of payloads, inside and outside HTTP.
export { validateOrThrow } from './validate/validate-or-throw.js';
export type { ValidateOptions } from './validate/validate-or-throw.js';
export { createValidationPipe } from './validate/validation-pipe.js';
export { toFieldErrors } from './validate/to-field-errors.js';

// Problem Details over HTTP.
export { applyValidation } from './apply-validation.js';
export type { ApplyValidationOptions } from './apply-validation.js';
export { ProblemDetailsFilter } from './filter/problem-details.filter.js';
export type { ProblemDetailsOptions } from './filter/problem-details.filter.js';
export { setErrorReporter } from './filter/error-reporter.js';
export type { ErrorReporter, ErrorReportContext } from './filter/error-reporter.js';
export { describeError } from './problem/describe-error.js';
export type { ProblemDescription } from './problem/problem-description.js';
export { PROBLEM_CONTENT_TYPE } from './problem/problem-details.js';
export type { ProblemDetails } from './problem/problem-details.js';
