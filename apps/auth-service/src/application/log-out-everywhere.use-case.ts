import { UserSessionsRevokedV1Contract } from '@platform/contracts';
import { UserNotFoundError } from '../domain/auth.errors.js';
import { assertPermission, type Actor } from '../domain/role.js';
import { clientFields, type ClientContext } from './client-context.js';
import type { AuthPorts } from './ports/auth-ports.js';
import { sessionsRevokedPayload } from './user-events.js';

export interface LogOutEverywhereInput extends ClientContext {
  actor: Actor;
  /** Whose sessions to end; the actor's own by default. Another user's needs `users:manage`. */
  userId?: string;
}

export interface LogOutEverywhereResult {
  userId: string;
  /** How many refresh tokens were revoked. */
  revokedTokens: number;
  /** Tokens issued before this instant are no longer honoured. */
  tokensValidAfter: Date;
}

/**
 * Ends every session of a user: revokes all refresh tokens and refuses any issued before now,
 * announced with `auth.user.sessions-revoked` so the gateway refuses the access tokens too.
 */
export class LogOutEverywhereUseCase {
  constructor(private readonly ports: Pick<AuthPorts, 'unitOfWork' | 'auditLog' | 'clock'>) {}

  async execute(input: LogOutEverywhereInput): Promise<LogOutEverywhereResult> {
    const { unitOfWork, auditLog, clock } = this.ports;
    const { actor } = input;
    const userId = input.userId ?? actor.userId;
    assertPermission(actor, userId === actor.userId ? 'sessions:manage' : 'users:manage');
    const at = clock.now();
    const { revokedTokens, tokensValidAfter } = await unitOfWork.run(async (tx) => {
      const user = await tx.users.findById(userId);
      if (!user) throw new UserNotFoundError({ userId });
      user.logOutEverywhere(at);
      await tx.users.save(user);
      const revoked = await tx.refreshTokens.revokeAllForUser(userId, 'logout_all', at);
      await tx.publish(UserSessionsRevokedV1Contract, {
        aggregateId: userId,
        payload: sessionsRevokedPayload(user, 'logout_all'),
        occurredAt: at,
      });
      return { revokedTokens: revoked, tokensValidAfter: user.tokensValidAfter ?? at };
    });
    await auditLog.record('logout_all', {
      ...clientFields(input),
      userId,
      actorId: userId === actor.userId ? undefined : actor.userId,
    });
    return { userId, revokedTokens, tokensValidAfter };
  }
}
