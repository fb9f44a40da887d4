/** Stable codes of the failures this library reports, for logs, metrics and alerts. */
export const MESSAGING_ERROR_CODES = {
  invalidOptions: 'MESSAGING.INVALID_OPTIONS',
  malformedEvent: 'MESSAGING.MALFORMED_EVENT',
  invalidEvent: 'MESSAGING.INVALID_EVENT',
  unknownContract: 'MESSAGING.UNKNOWN_CONTRACT',
  permanentFailure: 'MESSAGING.PERMANENT_FAILURE',
} as const;

export type MessagingErrorCode = (typeof MESSAGING_ERROR_CODES)[keyof typeof MESSAGING_ERROR_CODES];

/** An error of the messaging library, with a stable code. */
export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
