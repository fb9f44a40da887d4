import { UserErasureRequestedV1Contract, UserSessionsRevokedV1Contract } from '@platform/contracts';
import {
  EraseSelfWithPasswordError,
  InvalidCredentialsError,
  LastAdminError,
  UserNotFoundError,
} from '../domain/auth.errors.js';
import { Erasure, type ErasureStatus } from '../domain/erasure.js';
import { normalisePassword } from '../domain/password-policy.js';
import { assertPermission, type Actor } from '../domain/role.js';
import type { User } from '../domain/user.js';
import { clientFields, type ClientContext } from './client-context.js';
import type { ErasureOptions } from './erasure-options.js';
import type { AuthPorts } from './ports/auth-ports.js';
import type { ErasureMetrics } from './ports/erasure-metrics.port.js';
import { sessionsRevokedPayload } from './user-events.js';

export type EraseUserInput = ClientContext & { actor: Actor } & (
    | {
        /** `DELETE /v1/me`: the actor's own account, confirmed with its password. */
        via: 'self';
        password: string;
      }
    | {
        /** `DELETE /v1/admin/users/{userId}`: another user's account; needs `users:manage`. */
        via: 'admin';
        userId: string;
      }
  );

export interface EraseUserResult {
  erasureId: string;
  userId: string;
  status: ErasureStatus;
}

type ErasePorts = Pick<AuthPorts, 'users' | 'unitOfWork' | 'passwordHasher' | 'loginThrottle' | 'auditLog' | 'clock'>;

/**
 * Erases a user at the auth-service (docs/decisions/0015), in one transaction: every session
 * ends (refresh tokens deleted, `auth.user.sessions-revoked` so that gateways refuse the access
 * tokens), the e-mail, display name and password hash are deleted (and scrubbed from the stored
 * `auth.user.registered`), the erasure is recorded, and `auth.user.erasure-requested` asks every
 * other service to do its part. The last admin is never erased.
 */
export class EraseUserUseCase {
  constructor(
    private readonly ports: ErasePorts,
    private readonly options: ErasureOptions,
    private readonly metrics: ErasureMetrics,
  ) {}

  async execute(input: EraseUserInput): Promise<EraseUserResult> {
    const { unitOfWork, loginThrottle, auditLog, clock } = this.ports;
    const { actor } = input;
    let userId: string;
    let verifiedHash: string | undefined;
    if (input.via === 'self') {
      assertPermission(actor, 'profile:write');
      userId = actor.userId;
      verifiedHash = await this.verifyPassword(userId, input.password, input.clientAddress);
    } else {
      assertPermission(actor, 'users:manage');
      userId = input.userId;
      if (userId === actor.userId) throw new EraseSelfWithPasswordError();
    }

    const at = clock.now();
    const { erasure, email } = await unitOfWork.run(async (tx) => {
      // The admins first, in id order, then the user: see UserRepository.lockActiveAdminIds.
      const admins = await tx.users.lockActiveAdminIds();
      const user = await tx.users.findById(userId);
      if (!user) throw new UserNotFoundError({ userId });
      // Changed by another request since we verified: the password we checked is no longer current.
      if (verifiedHash !== undefined && user.passwordHash !== verifiedHash) throw new InvalidCredentialsError();
      if (user.hasRole('admin') && admins.length <= 1) throw new LastAdminError();

      const erasure = Erasure.request({
        userId,
        requestedBy: actor.userId,
        requestedVia: input.via,
        at,
        deadlineMs: this.options.deadlineMs,
      });
      const email = user.email.value;
      user.logOutEverywhere(at);
      await tx.refreshTokens.deleteAllForUser(userId);
      await tx.users.erase(user, at);
      // auth.user.registered carried the e-mail and name: the stored copy keeps the event, not them.
      await tx.publishedEvents.anonymiseUser(userId);
      // A registration retried under its Idempotency-Key stored the answer, which names the user.
      await tx.storedRequests.forgetUser(userId);
      await tx.erasures.add(erasure);
      await tx.publish(UserSessionsRevokedV1Contract, {
        aggregateId: userId,
        payload: sessionsRevokedPayload(user, 'erased'),
        occurredAt: at,
      });
      await tx.publish(UserErasureRequestedV1Contract, {
        aggregateId: userId,
        payload: { erasureId: erasure.id, userId, requestedAt: at.toISOString() },
        occurredAt: at,
      });
      return { erasure, email };
    });

    // After the commit: the account's throttle counter is an HMAC of the e-mail that no longer
    // exists; should this fail, it expires within its hour anyway.
    await loginThrottle.forgetAccount(email).catch(() => undefined);
    this.metrics.erased(input.via);
    await auditLog.record('erased', {
      ...clientFields(input),
      userId,
      actorId: input.via === 'admin' ? actor.userId : undefined,
      erasureId: erasure.id,
    });
    return { erasureId: erasure.id, userId, status: erasure.progress(at, this.options.confirmingServices).status };
  }

  // As change-password checks the current password: throttled like a log-in, one error for a wrong one.
  private async verifyPassword(userId: string, password: string, clientAddress: string | undefined): Promise<string> {
    const { users, passwordHasher, loginThrottle } = this.ports;
    const user: User | undefined = await users.findById(userId);
    if (!user) throw new UserNotFoundError({ userId });
    const emailKey = user.email.value;
    await loginThrottle.check(emailKey, clientAddress);
    if (!(await passwordHasher.verify(user.passwordHash, normalisePassword(password)))) {
      await loginThrottle.recordFailure(emailKey, clientAddress);
      throw new InvalidCredentialsError();
    }
    return user.passwordHash;
  }
}
