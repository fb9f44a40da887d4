import { DomainError } from '@platform/validation';
import { AuthErrorCode } from '../domain/auth.errors.js';

/** A page cursor the repository did not issue, or one too damaged to read. */
export class InvalidCursorError extends DomainError {
  constructor() {
    super(AuthErrorCode.INVALID_CURSOR, 'validation', 'The page cursor is not valid; start again from the first page.');
  }
}
