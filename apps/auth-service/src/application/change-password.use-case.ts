import { UserPasswordChangedV1Contract, UserSessionsRevokedV1Contract } from '@platform/contracts';
import { InvalidCredentialsError, UserNotFoundError } from '../domain/auth.errors.js';
import { assertPasswordPolicy, normalisePassword } from '../domain/password-policy.js';
import { assertPermission, type Actor } from '../domain/role.js';
import { clientFields, type ClientContext } from './client-context.js';
import type { AuthPorts } from './ports/auth-ports.js';
import { passwordChangedPayload, sessionsRevokedPayload } from './user-events.js';

export interface ChangePasswordInput extends ClientContext {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
}

export interface ChangePasswordResult {
  userId: string;
  passwordChangedAt: Date;
  /** Refresh tokens revoked: every session, this one included, must log in again. */
  revokedTokens: number;
}

/**
 * Changes the actor's password after checking the current one, ends every session and
 * announces both: `auth.user.password-changed` and `auth.user.sessions-revoked`.
 */
export class ChangePasswordUseCase {
  constructor(
    private readonly ports: Pick<
      AuthPorts,
      'users' | 'unitOfWork' | 'passwordHasher' | 'loginThrottle' | 'auditLog' | 'clock'
    >,
  ) {}

  async execute(input: ChangePasswordInput): Promise<ChangePasswordResult> {
    const { users, unitOfWork, passwordHasher, loginThrottle, auditLog, clock } = this.ports;
    const { actor } = input;
    assertPermission(actor, 'profile:write');
    const user = await users.findById(actor.userId);
    if (!user) throw new UserNotFoundError({ userId: actor.userId });

    // Throttled like a log-in: a stolen access token must not become a way to guess the password.
    const emailKey = user.email.value;
    await loginThrottle.check(emailKey, input.clientAddress);
    if (!(await passwordHasher.verify(user.passwordHash, normalisePassword(input.currentPassword)))) {
      await loginThrottle.recordFailure(emailKey, input.clientAddress);
      throw new InvalidCredentialsError();
    }
    await loginThrottle.recordSuccess(emailKey, input.clientAddress);

    assertPasswordPolicy(input.newPassword, { email: user.email, displayName: user.displayName }, 'newPassword');
    const newHash = await passwordHasher.hash(normalisePassword(input.newPassword));
    const at = clock.now();
    const revokedTokens = await unitOfWork.run(async (tx) => {
      const current = await tx.users.findById(user.id);
      if (!current) throw new UserNotFoundError({ userId: user.id });
      // Changed by another request since we verified: the current password we checked is no longer current.
      if (current.passwordHash !== user.passwordHash) throw new InvalidCredentialsError();
      current.changePassword(newHash, at);
      await tx.users.save(current);
      const revoked = await tx.refreshTokens.revokeAllForUser(current.id, 'password_changed', at);
      await tx.publish(UserPasswordChangedV1Contract, {
        aggregateId: current.id,
        payload: passwordChangedPayload(current),
        occurredAt: at,
      });
      await tx.publish(UserSessionsRevokedV1Contract, {
        aggregateId: current.id,
        payload: sessionsRevokedPayload(current, 'password_changed'),
        occurredAt: at,
      });
      return revoked;
    });
    await auditLog.record('password_changed', { ...clientFields(input), userId: user.id });
    return { userId: user.id, passwordChangedAt: at, revokedTokens };
  }
}
