import { DomainError } from '@platform/validation';
import { describe, expect, it } from 'vitest';
import {
  EmailTakenError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  RefreshTokenReusedError,
  TooManyAttemptsError,
  UserNotFoundError,
} from './auth.errors.js';

describe('the auth error catalogue', () => {
  it.each([
    [new EmailTakenError(), 'AUTH.EMAIL_TAKEN', 'conflict'],
    [new InvalidCredentialsError(), 'AUTH.INVALID_CREDENTIALS', 'unauthorized'],
    [new InvalidRefreshTokenError('expired'), 'AUTH.INVALID_REFRESH_TOKEN', 'unauthorized'],
    [new RefreshTokenReusedError('family-1'), 'AUTH.REFRESH_TOKEN_REUSED', 'unauthorized'],
    [new UserNotFoundError(), 'AUTH.USER_NOT_FOUND', 'not_found'],
    [new TooManyAttemptsError(30), 'AUTH.TOO_MANY_ATTEMPTS', 'rate_limited'],
    [new ForbiddenError('users:read'), 'AUTH.FORBIDDEN', 'forbidden'],
  ])('%s has a stable code and kind', (error, code, kind) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
  });

  it('tells a client the same thing for an unknown e-mail and a wrong password', () => {
    expect(new InvalidCredentialsError().message).toBe('The e-mail address or password is incorrect.');
  });

  it('rounds the wait of too many attempts up to whole seconds, at least one', () => {
    expect(new TooManyAttemptsError(12.2).retryAfterSeconds).toBe(13);
    expect(new TooManyAttemptsError(0).retryAfterSeconds).toBe(1);
  });
});
