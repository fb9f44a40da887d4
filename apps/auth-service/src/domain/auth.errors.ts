import { DomainError, ValidationFailedError } from '@platform/validation';

/**
 * The error catalogue of auth-service. Codes are part of the API: clients branch on them, so a
 * code never changes meaning once released.
 */
export const AuthErrorCode = {
  EMAIL_TAKEN: 'AUTH.EMAIL_TAKEN',
  INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN: 'AUTH.INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED: 'AUTH.REFRESH_TOKEN_REUSED',
  USER_NOT_FOUND: 'AUTH.USER_NOT_FOUND',
  TOO_MANY_ATTEMPTS: 'AUTH.TOO_MANY_ATTEMPTS',
  FORBIDDEN: 'AUTH.FORBIDDEN',
  INVALID_CURSOR: 'AUTH.INVALID_CURSOR',
  ERASURE_NOT_FOUND: 'AUTH.ERASURE_NOT_FOUND',
  LAST_ADMIN: 'AUTH.LAST_ADMIN',
  ERASE_SELF_WITH_PASSWORD: 'AUTH.ERASE_SELF_WITH_PASSWORD',
} as const;

/** Registration with an address another account already uses. */
export class EmailTakenError extends DomainError {
  constructor() {
    super(AuthErrorCode.EMAIL_TAKEN, 'conflict', 'An account with this e-mail address already exists.');
  }
}

/**
 * Wrong e-mail or wrong password. One message for both, so the answer does not tell an
 * attacker which addresses have accounts.
 */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(AuthErrorCode.INVALID_CREDENTIALS, 'unauthorized', 'The e-mail address or password is incorrect.');
  }
}

/** A refresh token that is unknown, expired, revoked or older than the user's last "log out everywhere". */
export class InvalidRefreshTokenError extends DomainError {
  constructor(reason: string) {
    super(AuthErrorCode.INVALID_REFRESH_TOKEN, 'unauthorized', 'The refresh token is invalid or has expired.', {
      details: { reason },
    });
  }
}

/** A refresh token that was already exchanged: a copy is in someone else's hands, so its whole family is revoked. */
export class RefreshTokenReusedError extends DomainError {
  constructor(familyId: string) {
    super(
      AuthErrorCode.REFRESH_TOKEN_REUSED,
      'unauthorized',
      'This refresh token was already used; every session it belonged to has been ended. Please log in again.',
      { details: { familyId } },
    );
  }
}

/** No user with this id or e-mail address. */
export class UserNotFoundError extends DomainError {
  constructor(details: Record<string, unknown> = {}) {
    super(AuthErrorCode.USER_NOT_FOUND, 'not_found', 'The user does not exist.', { details });
  }
}

/**
 * Too many failed log-ins for an address or from a client. Kind `business_rule` because none of
 * the other kinds fits; the HTTP adapter maps this code to 429 with `Retry-After: retryAfterSeconds`.
 */
export class TooManyAttemptsError extends DomainError {
  declare readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    // Retry-After takes whole seconds, and 0 would invite an immediate retry.
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(
      AuthErrorCode.TOO_MANY_ATTEMPTS,
      'rate_limited',
      `Too many failed attempts. Try again in ${seconds} seconds.`,
      {
        title: 'Too many attempts',
        retryAfterSeconds: seconds,
      },
    );
  }
}

/** The actor lacks the permission the operation needs. */
export class ForbiddenError extends DomainError {
  constructor(permission: string) {
    super(AuthErrorCode.FORBIDDEN, 'forbidden', 'You are not allowed to perform this operation.', {
      details: { permission },
    });
  }
}

/** No erasure with this id. */
export class ErasureNotFoundError extends DomainError {
  constructor(erasureId: string) {
    super(AuthErrorCode.ERASURE_NOT_FOUND, 'not_found', 'The erasure does not exist.', { details: { erasureId } });
  }
}

/** Erasing the only admin left would leave nobody to administer the installation. */
export class LastAdminError extends DomainError {
  constructor() {
    super(
      AuthErrorCode.LAST_ADMIN,
      'conflict',
      'This is the last admin: promote another user to admin before erasing this account.',
    );
  }
}

/**
 * An admin erasing their own account through the admin route: they confirm with their password
 * at `DELETE /v1/me`, so that a stolen admin token cannot erase its owner.
 */
export class EraseSelfWithPasswordError extends DomainError {
  constructor() {
    super(
      AuthErrorCode.ERASE_SELF_WITH_PASSWORD,
      'conflict',
      'To erase your own account, use DELETE /v1/me with your password.',
    );
  }
}

/** Which rule of an e-mail address failed. */
export type EmailRule = 'invalid_format' | 'too_long';

/** Which rule of a display name failed. */
export type DisplayNameRule = 'empty' | 'too_long' | 'control_character';

/** Which rule of the password policy failed. */
export type PasswordRule = 'too_short' | 'too_long' | 'common' | 'contains_personal_data';

// The value-object errors below are ValidationFailedErrors: the Problem Details filter already
// renders their `errors[]` (field, message, rule as code), so the HTTP adapter maps nothing. They
// are 422, not 400: the request had the shape the public contract states, and the value broke a
// rule of the domain that no schema fully says. A request valid by the contract never gets a 400
// (docs/decisions/0012).

/** An e-mail address that is malformed or too long. */
export class InvalidEmailError extends ValidationFailedError {
  constructor(
    readonly rule: EmailRule,
    readonly field = 'email',
  ) {
    const message = rule === 'too_long' ? 'E-mail address is too long.' : 'E-mail address is not valid.';
    super([{ field, message, code: rule }], message, 'business_rule');
  }
}

/** A display name that is empty, too long or holds control characters. */
export class InvalidDisplayNameError extends ValidationFailedError {
  constructor(
    readonly rule: DisplayNameRule,
    message: string,
    readonly field = 'displayName',
  ) {
    super([{ field, message, code: rule }], message, 'business_rule');
  }
}

/** A password the policy refuses; `rule` says which rule, for the field error shown to the user. */
export class PasswordPolicyError extends ValidationFailedError {
  constructor(
    readonly rule: PasswordRule,
    message: string,
    readonly field = 'password',
  ) {
    super([{ field, message, code: rule }], message, 'business_rule');
  }
}
