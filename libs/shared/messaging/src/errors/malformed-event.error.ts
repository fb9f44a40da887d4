import { MESSAGING_ERROR_CODES, MessagingError } from './messaging-error.js';

/**
 * A message that is not a valid event: no value, not JSON, an envelope or payload that breaks its
 * contract, or a version this build does not know. Retrying cannot fix it, so it goes to the DLQ at once.
 */
export class MalformedEventError extends MessagingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(MESSAGING_ERROR_CODES.malformedEvent, message, options);
  }
}
