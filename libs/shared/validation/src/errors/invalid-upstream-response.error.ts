import { DependencyError, type DependencyErrorOptions } from './dependency-error.js';
import { ErrorCode } from './error-codes.js';
import type { FieldError } from './field-error.js';

/** A dependency answered with a body that breaks its declared contract: 502 Bad Gateway. */
export class InvalidUpstreamResponseError extends DependencyError {
  readonly code = ErrorCode.UPSTREAM_INVALID_RESPONSE;
  readonly status = 502;
  readonly publicDetail = 'A service this request depends on answered with an invalid response.';

  constructor(
    dependency: string,
    /** What is wrong with the body; logged, never sent to the client (it is not the client's payload). */
    readonly errors: FieldError[],
    options?: DependencyErrorOptions,
  ) {
    super(
      dependency,
      `${dependency} answered with an invalid body (${errors.map((e) => e.field).join(', ') || 'unreadable'})`,
      options,
    );
  }
}
