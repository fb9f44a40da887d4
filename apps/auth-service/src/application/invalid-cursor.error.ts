import { DomainError } from '@platform/validation';
import { AuthErrorCode } from '../domain/auth.errors.js';

/** A page cursor the repository did not issue, or one too damaged to read. */
export class InvalidCursorError extends DomainError {
  constructor() {
    // 422: any string fits the contract's cursor; only the ones this service issued mean a page.
    super(
      AuthErrorCode.INVALID_CURSOR,
      'business_rule',
      'The page cursor is not valid; start again from the first page.',
    );
  }
}
