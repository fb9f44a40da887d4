import { MESSAGING_ERROR_CODES, MessagingError } from './messaging-error.js';

/** Options of a relay, consumer or transport that cannot work; thrown at construction, not at the first message. */
export class MessagingOptionsError extends MessagingError {
  constructor(message: string) {
    super(MESSAGING_ERROR_CODES.invalidOptions, message);
  }
}
