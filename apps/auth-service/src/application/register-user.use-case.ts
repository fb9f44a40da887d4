import { EmailTakenError } from '../domain/auth.errors.js';
import { DisplayName } from '../domain/display-name.js';
import { Email } from '../domain/email.js';
import { assertPasswordPolicy, normalisePassword } from '../domain/password-policy.js';
import { User } from '../domain/user.js';
import { clientFields, type ClientContext } from './client-context.js';
import type { AuthPorts } from './ports/auth-ports.js';
import { toUserSummary, type UserSummary } from './user-summary.js';
import { saveRegisteredUser } from './user-events.js';

export interface RegisterUserInput extends ClientContext {
  email: string;
  displayName: string;
  password: string;
}

/** Creates an account and announces it with `auth.user.registered`. */
export class RegisterUserUseCase {
  constructor(
    private readonly ports: Pick<AuthPorts, 'users' | 'unitOfWork' | 'passwordHasher' | 'auditLog' | 'clock'>,
  ) {}

  async execute(input: RegisterUserInput): Promise<UserSummary> {
    const { users, unitOfWork, passwordHasher, auditLog, clock } = this.ports;
    const email = Email.parse(input.email);
    const displayName = DisplayName.parse(input.displayName);
    assertPasswordPolicy(input.password, { email, displayName });
    // Spares the hashing for a taken address; the unique constraint behind `save` has the last word.
    if (await users.findByEmail(email)) throw new EmailTakenError();
    const passwordHash = await passwordHasher.hash(normalisePassword(input.password));
    const at = clock.now();
    const user = User.register({ email, displayName, passwordHash, at });
    await unitOfWork.run((tx) => saveRegisteredUser(tx, user, at));
    await auditLog.record('registered', { ...clientFields(input), userId: user.id, email: email.value });
    return toUserSummary(user);
  }
}
