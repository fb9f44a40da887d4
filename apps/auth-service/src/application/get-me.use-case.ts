import { UserNotFoundError } from '../domain/auth.errors.js';
import { assertPermission, type Actor } from '../domain/role.js';
import type { AuthPorts } from './ports/auth-ports.js';
import { toUserSummary, type UserSummary } from './user-summary.js';

export interface GetMeInput {
  actor: Actor;
}

/** The profile of the user the access token belongs to. */
export class GetMeUseCase {
  constructor(private readonly ports: Pick<AuthPorts, 'users'>) {}

  async execute({ actor }: GetMeInput): Promise<UserSummary> {
    assertPermission(actor, 'profile:read');
    const user = await this.ports.users.findById(actor.userId);
    // A valid token for a deleted user: the token outlived the account.
    if (!user) throw new UserNotFoundError({ userId: actor.userId });
    return toUserSummary(user);
  }
}
