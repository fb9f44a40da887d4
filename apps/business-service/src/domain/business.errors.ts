import { DomainError } from '@platform/validation';

/**
 * The error catalogue of the business-service. Codes are part of the API: clients branch on them,
 * so a code never changes meaning once released.
 */
export const BusinessErrorCode = {
  BUSINESS_NOT_FOUND: 'BUSINESS.NOT_FOUND',
  FORBIDDEN: 'BUSINESS.FORBIDDEN',
  UNKNOWN_CURRENCY: 'BUSINESS.UNKNOWN_CURRENCY',
  INVALID_EMAIL: 'BUSINESS.INVALID_EMAIL',
  INVALID_CURSOR: 'BUSINESS.INVALID_CURSOR',
  MEMBER_NOT_FOUND: 'BUSINESS.MEMBER_NOT_FOUND',
  MEMBER_NOT_IN_DIRECTORY: 'BUSINESS.MEMBER_NOT_IN_DIRECTORY',
  ALREADY_MEMBER: 'BUSINESS.ALREADY_MEMBER',
  LAST_OWNER: 'BUSINESS.LAST_OWNER',
  CUSTOMER_NOT_FOUND: 'BUSINESS.CUSTOMER_NOT_FOUND',
  USER_NOT_IN_DIRECTORY: 'BUSINESS.USER_NOT_IN_DIRECTORY',
} as const;

/**
 * No such business for this caller: it does not exist, or the caller is not a member. The two
 * are one answer on purpose, so that no id reveals whether another tenant's business exists.
 */
export class BusinessNotFoundError extends DomainError {
  constructor(businessId: string) {
    super(BusinessErrorCode.BUSINESS_NOT_FOUND, 'not_found', 'No such business.', { details: { businessId } });
  }
}

/** The caller is a member, but their role does not allow this. */
export class BusinessForbiddenError extends DomainError {
  constructor(permission: string, details: Record<string, unknown>) {
    super(BusinessErrorCode.FORBIDDEN, 'forbidden', 'Your role in this business does not allow this.', {
      details: { ...details, permission },
    });
  }
}

/** A currency code of the right shape that ISO 4217 does not know (`ABC`). */
export class UnknownCurrencyError extends DomainError {
  constructor(currency: string) {
    super(BusinessErrorCode.UNKNOWN_CURRENCY, 'business_rule', `${currency} is not an ISO 4217 currency.`, {
      details: { currency },
    });
  }
}

/** An e-mail address within the contract's bounds that invoices cannot be sent to. */
export class InvalidEmailError extends DomainError {
  constructor(field: string) {
    super(
      BusinessErrorCode.INVALID_EMAIL,
      'business_rule',
      `${field} is not an e-mail address invoices can be sent to.`,
      {
        details: { field },
      },
    );
  }
}

/** A page cursor this service did not issue: any string fits the contract, only ours mean a page. */
export class InvalidCursorError extends DomainError {
  constructor() {
    super(
      BusinessErrorCode.INVALID_CURSOR,
      'business_rule',
      'The page cursor is not valid; start again from the first page.',
    );
  }
}

/** No such member in this business (the caller is a member: the business's existence is no secret to them). */
export class MemberNotFoundError extends DomainError {
  constructor(businessId: string, userId: string) {
    super(BusinessErrorCode.MEMBER_NOT_FOUND, 'not_found', 'No such member of this business.', {
      details: { businessId, userId },
    });
  }
}

/**
 * No registered user has this e-mail, as far as the members directory knows (it learns users from
 * the auth-service's events, so one registered a moment ago may not be there yet).
 */
export class MemberNotInDirectoryError extends DomainError {
  constructor(businessId: string) {
    super(
      BusinessErrorCode.MEMBER_NOT_IN_DIRECTORY,
      'business_rule',
      'No registered user has this e-mail address; they must sign up first.',
      { details: { businessId } },
    );
  }
}

/** The user is a member already; change their role instead. */
export class AlreadyMemberError extends DomainError {
  constructor(businessId: string, userId: string) {
    super(BusinessErrorCode.ALREADY_MEMBER, 'conflict', 'This user is already a member of the business.', {
      details: { businessId, userId },
    });
  }
}

/** Removing or demoting this member would leave the business without an owner. */
export class LastOwnerError extends DomainError {
  constructor() {
    super(
      BusinessErrorCode.LAST_OWNER,
      'business_rule',
      'A business keeps at least one owner: make another member owner first.',
    );
  }
}

/** No such customer in this business (whatever business the id belongs to). */
export class CustomerNotFoundError extends DomainError {
  constructor(businessId: string, customerId: string) {
    super(BusinessErrorCode.CUSTOMER_NOT_FOUND, 'not_found', 'No such customer.', {
      details: { businessId, customerId },
    });
  }
}

/**
 * The caller is not in the members directory yet: it learns users from the auth-service's events,
 * and the registration of a user who signed up a moment ago may still be on its way.
 */
export class UserNotInDirectoryError extends DomainError {
  constructor(userId: string) {
    super(
      BusinessErrorCode.USER_NOT_IN_DIRECTORY,
      'business_rule',
      'Your account is not known to the business service yet; try again in a few seconds.',
      { details: { userId }, retryable: true },
    );
  }
}
