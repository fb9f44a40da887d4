import { MESSAGING_ERROR_CODES, MessagingError } from './messaging-error.js';

/**
 * Thrown by a handler for a failure that no retry can fix (the event refers to something that can
 * never exist, a business rule rejects it for good): the event goes to the DLQ without retries.
 */
export class PermanentEventError extends MessagingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(MESSAGING_ERROR_CODES.permanentFailure, message, options);
  }
}
