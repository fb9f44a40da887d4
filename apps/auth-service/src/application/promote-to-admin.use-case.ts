import { EmailTakenError, UserNotFoundError } from '../domain/auth.errors.js';
import { DisplayName } from '../domain/display-name.js';
import { Email } from '../domain/email.js';
import { assertPasswordPolicy, normalisePassword } from '../domain/password-policy.js';
import { assertPermission, type Actor } from '../domain/role.js';
import { User } from '../domain/user.js';
import type { AuthPorts } from './ports/auth-ports.js';
import { saveRegisteredUser } from './user-events.js';

export interface PromoteToAdminInput {
  /** Absent when the operator runs the CLI command; an API caller needs `users:manage`. */
  actor?: Actor;
  email: string;
  /** Needed only to create the user; ignored for an existing one. */
  displayName?: string;
  /** Needed only to create the user; an existing user's password is never changed here. */
  password?: string;
}

export interface PromoteToAdminResult {
  userId: string;
  outcome: 'promoted' | 'already_admin' | 'registered';
}

/**
 * Makes a user an admin, creating the account when it does not exist (the first admin of an
 * installation). Idempotent: running it again reports `already_admin` and changes nothing.
 */
export class PromoteToAdminUseCase {
  constructor(private readonly ports: Pick<AuthPorts, 'unitOfWork' | 'passwordHasher' | 'auditLog' | 'clock'>) {}

  async execute(input: PromoteToAdminInput): Promise<PromoteToAdminResult> {
    if (input.actor) assertPermission(input.actor, 'users:manage');
    const email = Email.parse(input.email);
    const promoted = await this.promoteExisting(email, input.actor);
    if (promoted) return promoted;
    try {
      return await this.registerAdmin(email, input);
    } catch (error) {
      // Created by a concurrent run between our look-up and our insert: promote that one instead.
      if (!(error instanceof EmailTakenError)) throw error;
      const raced = await this.promoteExisting(email, input.actor);
      if (!raced) throw error;
      return raced;
    }
  }

  private async promoteExisting(email: Email, actor: Actor | undefined): Promise<PromoteToAdminResult | undefined> {
    const { unitOfWork, auditLog } = this.ports;
    const result = await unitOfWork.run(async (tx) => {
      const user = await tx.users.findByEmail(email);
      if (!user) return undefined;
      const changed = user.promoteToAdmin();
      if (changed) await tx.users.save(user);
      return { userId: user.id, outcome: changed ? 'promoted' : 'already_admin' } as const;
    });
    if (result?.outcome === 'promoted') {
      await auditLog.record('promoted_to_admin', { userId: result.userId, actorId: actor?.userId });
    }
    return result;
  }

  private async registerAdmin(email: Email, input: PromoteToAdminInput): Promise<PromoteToAdminResult> {
    const { unitOfWork, passwordHasher, auditLog, clock } = this.ports;
    if (input.displayName === undefined || input.password === undefined) {
      throw new UserNotFoundError({
        reason: 'no user with this e-mail address; a display name and password create one',
      });
    }
    const displayName = DisplayName.parse(input.displayName);
    assertPasswordPolicy(input.password, { email, displayName });
    const passwordHash = await passwordHasher.hash(normalisePassword(input.password));
    const at = clock.now();
    const user = User.register({ email, displayName, passwordHash, at });
    user.promoteToAdmin();
    await unitOfWork.run((tx) => saveRegisteredUser(tx, user, at));
    await auditLog.record('registered', { userId: user.id, email: email.value });
    await auditLog.record('promoted_to_admin', { userId: user.id, actorId: input.actor?.userId });
    return { userId: user.id, outcome: 'registered' };
  }
}
