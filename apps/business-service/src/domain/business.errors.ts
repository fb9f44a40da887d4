import { DomainError } from '@platform/validation';

/**
 * The error catalogue of the business-service. Codes are part of the API: clients branch on them,
 * so a code never changes meaning once released.
 */
export const BusinessErrorCode = {
  BUSINESS_NOT_FOUND: 'BUSINESS.NOT_FOUND',
  FORBIDDEN: 'BUSINESS.FORBIDDEN',
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
