import { DomainError } from '@platform/validation';

/** The error catalogue of the notification lists, preferences and unsubscribe links. Codes never change meaning. */
export const NotificationQueryErrorCode = {
  BUSINESS_NOT_FOUND: 'BUSINESS.NOT_FOUND',
  INVALID_CURSOR: 'NOTIFICATION.INVALID_CURSOR',
  INVALID_UNSUBSCRIBE_TOKEN: 'NOTIFICATION.INVALID_UNSUBSCRIBE_TOKEN',
  USER_NOT_KNOWN_YET: 'NOTIFICATION.USER_NOT_KNOWN_YET',
} as const;

/** Not a business of the caller: the same answer as one that does not exist (tenant isolation). */
export class NotificationBusinessNotFoundError extends DomainError {
  constructor(businessId: string) {
    super(NotificationQueryErrorCode.BUSINESS_NOT_FOUND, 'not_found', 'No such business.', { details: { businessId } });
  }
}

export class InvalidNotificationCursorError extends DomainError {
  constructor() {
    super(NotificationQueryErrorCode.INVALID_CURSOR, 'business_rule', 'The cursor is not one this list gave.');
  }
}

/** A missing, malformed or forged unsubscribe token, or one for e-mails that cannot be turned off. */
export class InvalidUnsubscribeTokenError extends DomainError {
  constructor(reason: 'missing' | 'invalid' | 'not_unsubscribable') {
    super(
      NotificationQueryErrorCode.INVALID_UNSUBSCRIBE_TOKEN,
      'business_rule',
      'This unsubscribe link is not valid. Use the link of a recent e-mail, or your notification preferences.',
      { details: { reason } },
    );
  }
}

/**
 * The caller's registration has not reached this service yet (it learns addresses from events
 * only), so there is no address to keep preferences for: a moment later there is.
 */
export class UserNotKnownYetError extends DomainError {
  constructor(userId: string) {
    super(
      NotificationQueryErrorCode.USER_NOT_KNOWN_YET,
      'conflict',
      'Your account is not known to the notification service yet; try again in a moment.',
      { details: { userId }, retryable: true, retryAfterSeconds: 1 },
    );
  }
}
